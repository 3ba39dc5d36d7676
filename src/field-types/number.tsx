import { plainInput } from './plain-input.tsx';
import { textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export const isDecimal = (text: string) => DECIMAL.test(text.trim());

/**
 * A text box that accepts decimals and negatives. Not type="number": that one changes its value
 * under the scroll wheel and hides what was typed when it is not a number.
 */
const NumberInput = plainInput({ type: 'text', inputMode: 'decimal', autoComplete: 'off' });

export const numberType: FieldTypeSpec<string> = {
  title: 'Number',
  description: 'A whole or decimal number, negative or positive, such as 42 or -3.5.',
  empty: '',
  Widget: NumberInput,
  schema: (rules) =>
    textRule(rules, (text) =>
      isDecimal(text) && Number.isFinite(Number(text)) ? null : 'Enter a number, such as 42 or -3.5.',
    ),
  encode: (value) => (value.trim() === '' ? undefined : Number(value.trim())),
  decode: (stored) => {
    if (typeof stored === 'number') return String(stored);
    return typeof stored === 'string' ? stored.trim() : '';
  },
  parseDefault: (text) => (isDecimal(text) ? text.trim() : ''),
  formatDefault: (value) => (isDecimal(value) ? String(Number(value.trim())) : ''),
  display: (value) => value,
};

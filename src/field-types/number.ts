import { textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export const isDecimal = (text: string) => DECIMAL.test(text.trim());

/**
 * A number written with thousands separators or a decimal comma ("1,250.50", "1.250,50", "3,5",
 * "12 000"), as the contract wants it ("1250.50"); null when it is no number at all. Where both
 * marks appear, the last one is the decimal point.
 */
function plainDecimal(text: string): string | null {
  const compact = text.trim().replace(/[\s'’_]/g, '');
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const both = compact.includes(',') && compact.includes('.');
  const grouped = /^[+-]?\d{1,3}(?:,\d{3})+$/.test(compact);
  let plain: string;
  if (both) plain = `${compact.slice(0, last).replace(/[.,]/g, '')}.${compact.slice(last + 1)}`;
  else if (grouped) plain = compact.replace(/,/g, '');
  else plain = compact.replace(',', '.');
  return isDecimal(plain) ? plain : null;
}

function numberProblem(text: string): string | null {
  if (isDecimal(text) && Number.isFinite(Number(text))) return null;
  const plain = plainDecimal(text);
  return plain === null || plain === text.trim() || !Number.isFinite(Number(plain))
    ? 'Enter a number, such as 42 or -3.5.'
    : `Write numbers with a dot for decimals and no thousands separators: ${plain}`;
}

export const numberType: FieldTypeSpec<string> = {
  title: 'Number',
  description: 'A whole or decimal number, negative or positive, such as 42 or -3.5.',
  empty: '',
  schema: (rules) => textRule(rules, numberProblem),
  encode: (value) => (value.trim() === '' ? undefined : Number(value.trim())),
  decode: (stored) => {
    if (typeof stored === 'number') return String(stored);
    return typeof stored === 'string' ? stored.trim() : '';
  },
  parseDefault: (text) => (isDecimal(text) ? text.trim() : ''),
  formatDefault: (value) => (isDecimal(value) ? String(Number(value.trim())) : ''),
  display: (value) => value,
};

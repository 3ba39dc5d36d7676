import { plainInput, plainNative } from './plain-input.tsx';
import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

const TextInput = plainInput({ type: 'text' });

export const textType: FieldTypeSpec<string> = {
  title: 'Text',
  description: 'Any words or characters, such as a name or a company.',
  empty: '',
  Widget: TextInput,
  Native: plainNative({ type: 'text' }),
  schema: (rules) => textRule(rules),
  encode: encodeText,
  decode: (stored) => {
    if (stored === null || stored === undefined) return '';
    return Array.isArray(stored) ? stored.join(', ') : String(stored);
  },
  parseDefault: (text) => text,
  formatDefault: (value) => value.trim(),
  display: (value) => value,
};

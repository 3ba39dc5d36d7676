import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

export const textType: FieldTypeSpec<string> = {
  title: 'Text',
  description: 'Any words or characters, such as a name or a company.',
  empty: '',
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

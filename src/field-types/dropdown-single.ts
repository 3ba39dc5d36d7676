import { canonicalOption, encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

export const dropdownSingleType: FieldTypeSpec<string> = {
  title: 'Single choice',
  description: 'One option from a list you define, such as a plan or a size.',
  empty: '',
  schema: (rules) =>
    textRule(rules, (text) => (rules.options.includes(text) ? null : 'Choose one of the options in the list.')),
  encode: encodeText,
  decode: (stored, rules) => {
    if (typeof stored !== 'string' && typeof stored !== 'number') return '';
    return canonicalOption(rules.options, String(stored)) ?? String(stored);
  },
  parseDefault: (text, rules) => canonicalOption(rules.options, text) ?? '',
  formatDefault: (value) => value,
  display: (value) => value,
};

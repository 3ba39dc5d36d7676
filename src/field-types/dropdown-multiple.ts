import * as z from 'zod/mini';
import { parseDefinition } from '../contract/field-types.ts';
import { canonicalOption, requiredMessage } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

/** Options from an array or a comma string, spelled as the field spells them, each once. */
function readOptions(stored: unknown, options: readonly string[], keepUnknown: boolean): string[] {
  const items = Array.isArray(stored) ? stored.map(String) : typeof stored === 'string' ? parseDefinition(stored) : [];
  const read = items
    .map((item) => canonicalOption(options, item) ?? (keepUnknown ? item.trim() : null))
    .filter((item): item is string => item !== null && item !== '');
  return [...new Set(read)];
}

export const dropdownMultipleType: FieldTypeSpec<string[]> = {
  title: 'Multiple choice',
  description: 'Any number of options from a list you define, such as interests.',
  empty: [],
  schema: (rules) =>
    z.array(z.string()).check(
      z.superRefine((value, context) => {
        if (value.length === 0) {
          if (rules.required) context.addIssue({ code: 'custom', message: requiredMessage(rules) });
          return;
        }
        const unknown = value.filter((item) => !rules.options.includes(item));
        if (unknown.length > 0) {
          context.addIssue({ code: 'custom', message: `Remove what is no longer an option: ${unknown.join(', ')}.` });
        }
      }),
    ),
  encode: (value) => (value.length === 0 ? undefined : [...new Set(value)]),
  // Stored values that are no longer options are kept, so the form can say so.
  decode: (stored, rules) => readOptions(stored, rules.options, true),
  parseDefault: (text, rules) => readOptions(text, rules.options, false),
  formatDefault: (value) => value.join(','),
  display: (value) => value.join(', '),
};

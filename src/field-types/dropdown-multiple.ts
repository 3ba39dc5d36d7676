import * as z from 'zod/mini';
import { parseDefinition } from '../contract/field-types.ts';
import { canonicalOption, foldOption, matchOption, requiredMessage } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

/** Options from an array or a comma string, spelled as the field spells them, each once. */
function readOptions(stored: unknown, options: readonly string[], keepUnknown: boolean): string[] {
  const items = Array.isArray(stored) ? stored.map(String) : typeof stored === 'string' ? parseDefinition(stored) : [];
  const read = items
    .map((item) => canonicalOption(options, item) ?? (keepUnknown ? item.trim() : null))
    .filter((item): item is string => item !== null && item !== '');
  return [...new Set(read)];
}

/**
 * A cell's choices, as spreadsheets join them: by ";", "|" or line breaks, and by "," unless an
 * option holds a comma. Options are spelled as the field spells them, each once; one the field
 * lacks is kept as written (once, whatever its case), so the import can offer to add it.
 */
export function optionsFromText(text: string, options: readonly string[]): string[] {
  const separator = options.some((option) => option.includes(',')) ? /[;|\r\n]/ : /[;|,\r\n]/;
  const seen = new Set<string>();
  const items: string[] = [];
  for (const piece of text.split(separator)) {
    if (piece.trim() === '') continue;
    const option = matchOption(options, piece);
    const key = option ?? foldOption(piece);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(option ?? piece.trim());
  }
  return items;
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

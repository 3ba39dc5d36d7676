/**
 * A field proposed for a column no field takes: its type read from the values (yes/no words,
 * numbers, dates, countries, a short list of repeated values as a dropdown), its options from the
 * values themselves, and a label and merge tag the contract accepts and the workspace lacks.
 */
import { formatDefinition, LABEL_MAX_LENGTH, uniquenessKey, type FieldType } from '../../contract/field-types.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { detectReading } from '../../field-types/reading.ts';
import { fromTextOf } from '../../field-types/from-text.ts';
import { suggestMergeTag } from '../../lib/merge-tag.ts';
import { columnValues } from './column-match.ts';

export interface FieldProposal {
  label: string;
  merge_tag: string;
  type: FieldType;
  definition: string;
}

const SAMPLE = 500;
/** A dropdown: at most this many options, each used on average at least three times. */
const MAX_OPTIONS = 30;
const LIST_SEPARATOR = /[;|]/;

const RULES = { label: '', required: false, options: [] } as const;

function fits(type: FieldType, values: readonly string[]): boolean {
  const { reading } = detectReading(type, values);
  return values.every((value) => !('problem' in fromTextOf(type)(value, RULES, reading)));
}

function optionsOf(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
}

function proposedType(values: readonly string[]): { type: FieldType; options: string[] } {
  if (values.length === 0) return { type: 'TEXT', options: [] };
  for (const type of ['BOOLEAN', 'NUMBER', 'DATE'] as const) if (fits(type, values)) return { type, options: [] };
  if (values.every((value) => /^[A-Za-z]{2}$/.test(value)) && fits('COUNTRY', values))
    return { type: 'COUNTRY', options: [] };
  const canBeOption = (item: string) => item !== '' && !item.includes(',');
  if (values.some((value) => LIST_SEPARATOR.test(value))) {
    const items = values.flatMap((value) => value.split(LIST_SEPARATOR).map((item) => item.trim()));
    const options = optionsOf(items.filter(Boolean));
    if (options.length >= 2 && options.length <= MAX_OPTIONS && options.every(canBeOption))
      return { type: 'DROPDOWN_MULTIPLE', options };
  }
  const options = optionsOf(values);
  if (
    options.length >= 2 &&
    options.length <= MAX_OPTIONS &&
    values.length >= options.length * 3 &&
    options.every(canBeOption)
  )
    return { type: 'DROPDOWN_SINGLE', options };
  return { type: 'TEXT', options: [] };
}

export function proposeField(
  header: string,
  rows: readonly (readonly string[])[],
  column: number,
  fields: readonly KnownField[],
): FieldProposal {
  const { type, options } = proposedType(columnValues(rows, column, SAMPLE));
  const labels = new Set(fields.map((field) => uniquenessKey(field.label)));
  const base = (header.trim() || 'Imported').slice(0, LABEL_MAX_LENGTH);
  let label = base;
  for (let n = 2; labels.has(uniquenessKey(label)); n++) label = `${base.slice(0, LABEL_MAX_LENGTH - 4)} (${n})`;
  const merge_tag = suggestMergeTag(label, new Set(fields.map((field) => field.merge_tag)));
  return { label, merge_tag, type, definition: formatDefinition(options) };
}

/**
 * What the admin decided for each column of a file: where it goes (a field, the status, nowhere),
 * how it writes its values, and which written values stand for which. Plain data, so the worker
 * checks every row with the same rules the page shows.
 */
import { EMAIL_MERGE_TAG, hasOptions } from '../../contract/field-types.ts';
import { CONTACT_STATUSES, type ContactStatus } from '../../contract/statuses.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { fromTextFor } from '../../field-types/from-text.ts';
import { specForField } from '../../field-types/registry.ts';
import type { ColumnReading, FieldRules, FormValue } from '../../field-types/spec.ts';
import { unescapeFormula } from '../../lib/csv-formulas.ts';
import { foldForSearch } from '../../lib/text.ts';

export type ColumnTarget =
  | { kind: 'skip' }
  /**
   * An existing field, or (isNew) one the import creates before it starts. `addedOptions`: the
   * options the admin chose to add to an existing field (its definition here includes them).
   */
  | { kind: 'field'; field: KnownField; isNew?: boolean; addedOptions?: readonly string[] }
  | { kind: 'status' };

export interface ColumnPlan {
  target: ColumnTarget;
  reading: ColumnReading;
  /** A written value → the value to read instead ("Use option…", or a fix made once for the column). */
  fixes: Record<string, string>;
}

export type CellReading =
  | { value: FormValue | ContactStatus }
  /** `unknown`: a dropdown's values that are no option yet, which the admin may add or redirect. */
  | { problem: string; unknown?: string[] };

const STATUS_WORDS: Record<string, ContactStatus> = {
  subscribed: 'SUBSCRIBED',
  unsubscribed: 'UNSUBSCRIBED',
  unconfirmed: 'UNCONFIRMED',
  pending: 'UNCONFIRMED',
  cleaned: 'CLEANED',
  bounced: 'CLEANED',
  complained: 'COMPLAINED',
};

function readStatus(text: string): CellReading {
  const status = STATUS_WORDS[foldForSearch(text.trim())];
  if (status) return { value: status };
  return { problem: `Write one of: ${CONTACT_STATUSES.map((name) => name.toLowerCase()).join(', ')}.` };
}

/** A field's rules for one cell: blank passes (a blank cell keeps or clears, as the admin chose). */
export function cellRules(field: KnownField): FieldRules {
  return { ...contactRules(field), required: field.merge_tag === EMAIL_MERGE_TAG };
}

type Reader = (text: string) => CellReading;

/**
 * Per column, one value read once: a file repeats its countries, plans and dates thousands of times.
 * Past a few thousand different values a column is unique per row (addresses, names), where
 * remembering would only cost memory.
 */
const MEMO_LIMIT = 5_000;

function readerFor(plan: ColumnPlan): Reader {
  const { target } = plan;
  if (target.kind === 'skip') return (text) => ({ value: text });
  if (target.kind === 'status') return (text) => (text.trim() === '' ? { value: '' } : readStatus(text));
  const { field } = target;
  const spec = specForField(field);
  const fromText = fromTextFor(field);
  const rules = cellRules(field);
  // Built once per column: making a zod schema per cell cost more than checking it.
  const schema = spec.schema(rules);
  const options = hasOptions(field.type) ? new Set(rules.options) : null;
  return (text) => {
    const read = fromText(text, rules, plan.reading);
    if ('problem' in read) return read;
    if (options) {
      // "Use option…" names one value, wherever it stands: alone, or among a list's items.
      const fixed = (item: unknown) => (typeof item === 'string' ? (plan.fixes[item.trim()] ?? item) : item);
      read.value = (Array.isArray(read.value) ? read.value.map(fixed) : fixed(read.value)) as FormValue;
      const items = Array.isArray(read.value) ? read.value : [read.value];
      const unknown = items.filter(
        (item): item is string => typeof item === 'string' && item !== '' && !options.has(item),
      );
      if (unknown.length > 0) {
        const named = unknown.map((item) => `“${item}”`).join(', ');
        const verb = unknown.length === 1 ? 'is not an option' : 'are not options';
        return { problem: `${named} ${verb} of ${field.label}.`, unknown };
      }
    }
    const checked = schema.safeParse(read.value);
    return checked.success
      ? { value: read.value }
      : { problem: checked.error.issues[0]?.message ?? 'Not a valid value.' };
  };
}

const readers = new WeakMap<ColumnPlan, { read: Reader; memo: Map<string, CellReading> }>();

/** One cell read through its column's plan: the same conversion and checks the contact form uses. */
export function readCell(plan: ColumnPlan, written: string): CellReading {
  let reader = readers.get(plan);
  if (!reader) readers.set(plan, (reader = { read: readerFor(plan), memo: new Map() }));
  const text = plan.fixes[written] ?? unescapeFormula(written);
  const known = reader.memo.get(text);
  if (known) return known;
  const read = reader.read(text);
  if (reader.memo.size < MEMO_LIMIT) reader.memo.set(text, read);
  return read;
}

/** The address a row is imported under: the email column's value, folded for comparing. */
export const emailKey = (email: string) => email.trim().toLowerCase();

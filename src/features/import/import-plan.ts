/**
 * What the admin decided for each column of a file: where it goes (a field, the status, nowhere),
 * how it writes its values, and which written values stand for which. Plain data, so the worker
 * checks every row with the same rules the page shows.
 */
import { EMAIL_MERGE_TAG, hasOptions } from '../../contract/field-types.ts';
import { CONTACT_STATUSES, type ContactStatus } from '../../contract/statuses.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { specForField } from '../../field-types/registry.ts';
import type { ColumnReading, FieldRules, FormValue } from '../../field-types/spec.ts';
import { foldForSearch } from '../../lib/text.ts';

export type ColumnTarget =
  | { kind: 'skip' }
  /** An existing field, or (isNew) one the import creates before it starts. */
  | { kind: 'field'; field: KnownField; isNew?: boolean }
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

/** One cell read through its column's plan: the same conversion and checks the contact form uses. */
export function readCell(plan: ColumnPlan, written: string): CellReading {
  const text = plan.fixes[written] ?? written;
  const { target } = plan;
  if (target.kind === 'skip') return { value: text };
  if (target.kind === 'status') return text.trim() === '' ? { value: '' } : readStatus(text);
  const spec = specForField(target.field);
  const rules = cellRules(target.field);
  const read = spec.fromText(text, rules, plan.reading);
  if ('problem' in read) return read;
  if (hasOptions(target.field.type)) {
    const items = Array.isArray(read.value) ? read.value : [read.value];
    const unknown = items.filter((item) => typeof item === 'string' && item !== '' && !rules.options.includes(item));
    if (unknown.length > 0) {
      const named = unknown.map((item) => `“${item}”`).join(', ');
      const verb = unknown.length === 1 ? 'is not an option' : 'are not options';
      return { problem: `${named} ${verb} of ${target.field.label}.`, unknown: unknown as string[] };
    }
  }
  const checked = spec.schema(rules).safeParse(read.value);
  return checked.success
    ? { value: read.value }
    : { problem: checked.error.issues[0]?.message ?? 'Not a valid value.' };
}

/** The address a row is imported under: the email column's value, folded for comparing. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * A three-way merge of a contact: the record as the form was filled (base), the form (mine) and
 * the record as stored now (theirs). Only what the admin changed is ever written; a value changed
 * both here and elsewhere is a conflict the admin settles, never a silent overwrite.
 */
import type { ContactWrite } from '../../api/contacts.ts';
import type { Contact } from '../../api/schemas.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import type { WireValue } from '../../contract/values.ts';
import { sameValue, specForField } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import { contactRules, type ContactFormValues, type KnownField } from './contact-form-schema.ts';

/** What the admin changed: values by merge tag, the status, and tags as sets added and removed. */
export interface ContactChanges {
  values: Record<string, FormValue>;
  status?: ContactFormValues['status'];
  tags?: { added: number[]; removed: number[] };
}

/** A value the admin changed that was also changed elsewhere: `theirs` is what is stored now. */
export type Conflicts = Record<string, FormValue>;
/** The key under which a conflict on the status is kept (no merge tag can have capitals). */
export const STATUS_KEY = 'STATUS';

export function changesOf(fields: readonly KnownField[], base: ContactFormValues, form: ContactFormValues): ContactChanges {
  const values: Record<string, FormValue> = {};
  for (const { merge_tag: tag } of fields) {
    const value = form.values[tag];
    if (value !== undefined && !sameValue(value, base.values[tag])) values[tag] = value;
  }
  const added = form.tags.filter((id) => !base.tags.includes(id));
  const removed = base.tags.filter((id) => !form.tags.includes(id));
  return {
    values,
    ...(form.status !== base.status ? { status: form.status } : {}),
    ...(added.length + removed.length > 0 ? { tags: { added, removed } } : {}),
  };
}

export const hasChanges = (changes: ContactChanges) =>
  Object.keys(changes.values).length > 0 || changes.status !== undefined || changes.tags !== undefined;

/** The base with the changes applied: what the form shows. */
export function applyChanges(base: ContactFormValues, changes: ContactChanges): ContactFormValues {
  const tags = changes.tags ? [...base.tags.filter((id) => !changes.tags!.removed.includes(id)), ...changes.tags.added.filter((id) => !base.tags.includes(id))] : base.tags;
  return { status: changes.status ?? base.status, tags, values: { ...base.values, ...changes.values } };
}

export interface Rebased {
  /** The new base: theirs, except where a conflict still waits for the admin's choice. */
  base: ContactFormValues;
  /** What the form shows: theirs where the admin changed nothing, the admin's own value elsewhere. */
  form: ContactFormValues;
  conflicts: Conflicts;
}

/** Moves the admin's changes from an old base onto the record as it is now. */
export function rebase(fields: readonly KnownField[], base: ContactFormValues, form: ContactFormValues, theirs: ContactFormValues): Rebased {
  const changes = changesOf(fields, base, form);
  const conflicts: Conflicts = {};
  const nextBase: ContactFormValues = { ...theirs, values: { ...theirs.values } };
  // Tags are sets: the admin's additions and removals apply to whatever is there now.
  const nextForm = applyChanges(theirs, changes);
  for (const [tag, mine] of Object.entries(changes.values)) {
    const stored = theirs.values[tag];
    if (!sameValue(stored, base.values[tag]) && !sameValue(stored, mine)) {
      conflicts[tag] = stored as FormValue;
      nextBase.values[tag] = base.values[tag] as FormValue;
    }
  }
  if (changes.status !== undefined && theirs.status !== base.status && theirs.status !== changes.status) {
    conflicts[STATUS_KEY] = theirs.status;
    nextBase.status = base.status;
  }
  return { base: nextBase, form: nextForm, conflicts };
}

/**
 * The write for a rebased form with no conflicts left: only the changed values, or for a new
 * address the whole record as stored now with the changes on top. `unshown`: values of fields
 * the form cannot show, which a whole-record write must carry unchanged.
 */
export function writeOf(fields: readonly KnownField[], rebased: Omit<Rebased, 'conflicts'>, stored: Contact, unshown: Record<string, WireValue>): ContactWrite | null {
  const changes = changesOf(fields, rebased.base, rebased.form);
  if (!hasChanges(changes)) return null;
  const encoded: Record<string, WireValue | null> = {};
  for (const [tag, value] of Object.entries(changes.values)) {
    const field = fields.find((candidate) => candidate.merge_tag === tag)!;
    encoded[tag] = specForField(field).encode(value, contactRules(field)) ?? null;
  }
  if (!(EMAIL_MERGE_TAG in encoded)) {
    return {
      kind: 'patch',
      email: String(stored.data[EMAIL_MERGE_TAG] ?? ''),
      fields: encoded,
      ...(changes.tags ? { tags: rebased.form.tags } : {}),
      ...(changes.status ? { status: changes.status } : {}),
    };
  }
  const whole: Record<string, WireValue> = { ...unshown };
  for (const { merge_tag: tag } of fields) {
    const value = tag in encoded ? encoded[tag] : (stored.data[tag] as WireValue | undefined);
    if (value !== undefined && value !== null) whole[tag] = value;
  }
  return { kind: 'replace', id: stored.id, input: { fields: whole, tags: rebased.form.tags, status: rebased.form.status } };
}

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
import { contactRules, type ContactFormValues, type KnownField } from '../../field-types/contact-values.ts';

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

/** A record's own entry: a merge tag such as `constructor` must never reach Object's own. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export function changesOf(
  fields: readonly KnownField[],
  base: ContactFormValues,
  form: ContactFormValues,
): ContactChanges {
  const values = fields.flatMap(({ merge_tag: tag }): [string, FormValue][] => {
    const value = own(form.values, tag);
    return value !== undefined && !sameValue(value, own(base.values, tag)) ? [[tag, value]] : [];
  });
  const added = form.tags.filter((id) => !base.tags.includes(id));
  const removed = base.tags.filter((id) => !form.tags.includes(id));
  return {
    values: Object.fromEntries(values),
    ...(form.status !== base.status ? { status: form.status } : {}),
    ...(added.length + removed.length > 0 ? { tags: { added, removed } } : {}),
  };
}

export const hasChanges = (changes: ContactChanges) =>
  Object.keys(changes.values).length > 0 || changes.status !== undefined || changes.tags !== undefined;

/** The base with the changes applied: what the form shows. */
export function applyChanges(base: ContactFormValues, changes: ContactChanges): ContactFormValues {
  const tags = changes.tags
    ? [
        ...base.tags.filter((id) => !changes.tags!.removed.includes(id)),
        ...changes.tags.added.filter((id) => !base.tags.includes(id)),
      ]
    : base.tags;
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
export function rebase(
  fields: readonly KnownField[],
  base: ContactFormValues,
  form: ContactFormValues,
  theirs: ContactFormValues,
): Rebased {
  const changes = changesOf(fields, base, form);
  const conflicting = Object.entries(changes.values).filter(([tag, mine]) => {
    const stored = own(theirs.values, tag);
    return !sameValue(stored, own(base.values, tag)) && !sameValue(stored, mine);
  });
  const statusConflict =
    changes.status !== undefined && theirs.status !== base.status && theirs.status !== changes.status;
  return {
    // A conflicting value keeps its old base, so the next save still sees the admin's change.
    base: {
      status: statusConflict ? base.status : theirs.status,
      tags: theirs.tags,
      values: {
        ...theirs.values,
        ...Object.fromEntries(conflicting.map(([tag]) => [tag, own(base.values, tag) as FormValue])),
      },
    },
    // Tags are sets: the admin's additions and removals apply to whatever is there now.
    form: applyChanges(theirs, changes),
    conflicts: Object.fromEntries([
      ...conflicting.map(([tag]) => [tag, own(theirs.values, tag) as FormValue]),
      ...(statusConflict ? [[STATUS_KEY, theirs.status]] : []),
    ]),
  };
}

/**
 * The write for a rebased form with no conflicts left: only the changed values, and tags as the
 * ones added and removed; or, for a new address, the whole record as stored now with the changes
 * on top. `workspaceTags`: the merge tags of every field in the workspace (of a type Lark Admin
 * knows or not), which a whole-record write must carry.
 */
export function writeOf(
  fields: readonly KnownField[],
  rebased: Omit<Rebased, 'conflicts'>,
  stored: Contact,
  workspaceTags: ReadonlySet<string>,
): ContactWrite | null {
  const changes = changesOf(fields, rebased.base, rebased.form);
  if (!hasChanges(changes)) return null;
  const encoded = Object.entries(changes.values).map(([tag, value]): [string, WireValue | null] => {
    const field = fields.find((candidate) => candidate.merge_tag === tag)!;
    return [tag, specForField(field).encode(value, contactRules(field)) ?? null];
  });
  if (!encoded.some(([tag]) => tag === EMAIL_MERGE_TAG)) {
    return {
      kind: 'patch',
      id: stored.id,
      email: String(stored.data[EMAIL_MERGE_TAG] ?? ''),
      fields: Object.fromEntries(encoded),
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.tags ? { tags: changes.tags } : {}),
    };
  }
  const kept = Object.entries(stored.data).filter(
    ([tag]) => workspaceTags.has(tag) && !encoded.some(([changed]) => changed === tag),
  );
  const whole = [...kept, ...encoded].filter(
    (entry): entry is [string, WireValue] => entry[1] !== null && entry[1] !== undefined,
  );
  return {
    kind: 'replace',
    id: stored.id,
    email: String(stored.data[EMAIL_MERGE_TAG] ?? ''),
    input: { fields: Object.fromEntries(whole), tags: rebased.form.tags, status: rebased.form.status },
  };
}

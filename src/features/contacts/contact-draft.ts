/**
 * How a contact form's draft is named, and read back against today's fields. A draft holds the
 * record as the form was filled (base) and the admin's changes, never a whole record: restored
 * over a newer record, only the changes are laid on top, by the same merge a save uses.
 */
import type { WorkspaceMode } from '../../api/schemas.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { isFormValueOf } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import { draftKey, readDraft, type Draft } from '../../lib/forms/drafts.ts';
import { applyChanges, changesOf, own, rebase, type ContactChanges, type Rebased } from './contact-changes.ts';
import type { ContactFormValues, KnownField } from '../../field-types/contact-values.ts';

/** `which`: 'new', or the id of the contact being edited. */
export const contactDraftKey = (mode: WorkspaceMode, which: string) => draftKey('contact', mode, which);

interface ContactDraft {
  base: ContactFormValues;
  changes: ContactChanges;
}

type Loose = Record<string, unknown> | null | undefined;
const asObject = (value: unknown): Loose =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
const ids = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];

/** Values under today's merge tags that have their field's shape; the rest is dropped. */
function readValues(
  stored: unknown,
  fields: readonly KnownField[],
  fallback: Record<string, FormValue>,
): Record<string, FormValue> {
  const values = asObject(stored) ?? {};
  const read: [string, FormValue][] = [];
  for (const field of fields) {
    const value = own(values, field.merge_tag);
    const kept = isFormValueOf(field.type, value) ? value : own(fallback, field.merge_tag);
    if (kept !== undefined) read.push([field.merge_tag, kept]);
  }
  return Object.fromEntries(read);
}

/** The stored draft, keeping only what still fits today's fields; `initial` fills the gaps of its base. */
function loadContactDraft(
  key: string,
  fields: readonly KnownField[],
  initial: ContactFormValues,
): Draft<ContactDraft> | null {
  return readDraft(key, (stored) => {
    const draft = asObject(stored);
    const base = asObject(draft?.base);
    const changes = asObject(draft?.changes);
    if (!base || !changes) return null;
    const tags = asObject(changes.tags);
    const read: ContactDraft = {
      base: {
        status: isContactStatus(base.status) ? base.status : initial.status,
        tags: Array.isArray(base.tags) ? ids(base.tags) : initial.tags,
        values: readValues(base.values, fields, initial.values),
      },
      changes: {
        values: readValues(changes.values, fields, {}),
        ...(isContactStatus(changes.status) ? { status: changes.status } : {}),
        ...(tags ? { tags: { added: ids(tags.added), removed: ids(tags.removed) } } : {}),
      },
    };
    return read;
  });
}

interface ContactStart extends Rebased {
  /** Set when a draft was laid over the record: when it was kept, and the inputs holding its changes. */
  restored: { savedAt: string; inputs: string[] } | null;
}

/**
 * Where a form starts: the record (or a new contact's defaults), with a kept draft's changes on
 * top. Over a stored contact the draft goes through the merge, so a value changed elsewhere
 * since the draft was kept is never quietly written back.
 */
export function startContactForm(
  purpose: 'create' | 'update',
  key: string,
  fields: readonly KnownField[],
  initial: ContactFormValues,
): ContactStart {
  const fresh: ContactStart = { base: initial, form: initial, conflicts: {}, restored: null };
  const draft = loadContactDraft(key, fields, initial);
  if (!draft) return fresh;
  const { base, changes } = draft.form;
  // A new contact has no record to merge with; its draft's base may hold a status and tags kept for it.
  const rebased =
    purpose === 'create'
      ? { base: initial, form: applyChanges(base, changes), conflicts: {} }
      : rebase(fields, base, applyChanges(base, changes), initial);
  const kept = changesOf(fields, rebased.base, rebased.form);
  const inputs = [
    ...fields.filter((field) => Object.hasOwn(kept.values, field.merge_tag)).map((field) => field.label),
    ...(kept.status ? ['Status'] : []),
    ...(kept.tags ? ['Tags'] : []),
  ];
  return inputs.length === 0 ? fresh : { ...rebased, restored: { savedAt: draft.savedAt, inputs } };
}

/**
 * The unsent contact form, kept in this browser so a reload or a crash loses nothing. One draft
 * per workspace mode: sandbox entries never turn up in a live workspace's form.
 */
import type { FieldType } from '../../contract/field-types.ts';
import type { WorkspaceMode } from '../../api/schemas.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { fieldTypes } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import type { ContactFormValues, KnownField } from './contact-form-schema.ts';

export interface Draft {
  savedAt: string;
  form: ContactFormValues;
}

/** `which`: 'new', or the id of the contact being edited. */
export const draftKey = (mode: WorkspaceMode, which: string) => `lark-admin:contact-draft:${mode}:${which}`;

export function saveDraft(key: string, form: ContactFormValues) {
  try {
    localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), form } satisfies Draft));
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

export function discardDraft(key: string) {
  localStorage.removeItem(key);
}

/** Whether a stored value still has the shape its field's widget edits. */
function fits(type: FieldType, value: unknown): value is FormValue {
  const empty = fieldTypes[type].empty;
  if (Array.isArray(empty)) return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (empty === null) return value === null || typeof value === 'boolean';
  return typeof value === 'string';
}

/** The stored draft over the form's defaults, keeping only what still fits today's fields. */
export function loadDraft(key: string, fields: readonly KnownField[], defaults: ContactFormValues): Draft | null {
  let draft: Draft;
  try {
    draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft;
  } catch {
    return null;
  }
  if (!draft?.form) return null;
  const values = { ...defaults.values };
  for (const field of fields) {
    const stored = draft.form.values?.[field.merge_tag];
    if (fits(field.type, stored)) values[field.merge_tag] = stored;
  }
  const tags = Array.isArray(draft.form.tags) ? draft.form.tags.filter((id) => Number.isInteger(id)) : defaults.tags;
  const status = isContactStatus(draft.form.status) ? draft.form.status : defaults.status;
  return { savedAt: draft.savedAt, form: { status, tags, values } };
}

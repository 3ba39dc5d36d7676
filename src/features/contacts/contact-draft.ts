/** How a contact form's draft is named, and read back against today's fields. */
import type { WorkspaceMode } from '../../api/schemas.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { isFormValueOf } from '../../field-types/registry.ts';
import { readDraft, type Draft } from '../../lib/form-draft.ts';
import type { ContactFormValues, KnownField } from './contact-form-schema.ts';

/** `which`: 'new', or the id of the contact being edited. */
export const draftKey = (mode: WorkspaceMode, which: string) => `lark-admin:contact-draft:${mode}:${which}`;

/** The stored draft over the form's starting values, keeping only what still fits today's fields. */
export function loadContactDraft(key: string, fields: readonly KnownField[], initial: ContactFormValues): Draft<ContactFormValues> | null {
  return readDraft(key, (stored) => {
    const draft = stored as Partial<ContactFormValues> | null;
    if (!draft || typeof draft !== 'object') return null;
    const values = { ...initial.values };
    for (const field of fields) {
      const value = draft.values?.[field.merge_tag];
      if (isFormValueOf(field.type, value)) values[field.merge_tag] = value;
    }
    return {
      status: isContactStatus(draft.status) ? draft.status : initial.status,
      tags: Array.isArray(draft.tags) ? draft.tags.filter((id) => Number.isInteger(id)) : initial.tags,
      values,
    };
  });
}

/**
 * The generated contact form, for a person allowed to change contacts; anyone else sees the
 * contact as a read-only record (contact-record.tsx).
 */
import { useCan } from '../../api/me.ts';
import type { Contact, Field, Tag } from '../../api/schemas.ts';
import { stillKnowing } from '../../components/ui/not-allowed.tsx';
import type { ContactStatus } from '../../contract/statuses.ts';
import type { ContactFormValues } from '../../field-types/contact-values.ts';
import type { Rebased } from './contact-changes.ts';
import { ContactFormBody } from './contact-form-body.tsx';
import { ContactRecord } from './contact-record.tsx';

/** A save either wrote (the contact as stored after it) or found changes made elsewhere meanwhile. */
export type SaveOutcome = { saved: Contact } | { rebased: Rebased };

export interface ContactFormProps {
  /** A new contact, or changes to an existing one. */
  purpose: 'create' | 'update';
  fields: readonly Field[];
  tags: readonly Tag[];
  /** The record as stored, or a new contact's defaults: the base the admin's changes are measured from. */
  initial: ContactFormValues;
  /** Where the unsent form is kept in this browser. */
  draftKey: string;
  /** Writes the admin's changes (form vs base). */
  save: (base: ContactFormValues, form: ContactFormValues) => Promise<SaveOutcome>;
  /** Fetches the field list again and answers it (when the API says the form is stale). */
  refetchFields: () => Promise<readonly Field[]>;
  onSaved: (contact: Contact) => void;
  /** Offers "Save and add another", and says the save (and the next contact's status), since no page change confirms it. */
  onSavedAndNext?: (contact: Contact, nextStatus: ContactStatus) => void;
}

/**
 * A person who may not change contacts sees the values read-only, with the reason, and no Save:
 * nothing can be typed that a save would then have refused. A person whose role changes while
 * editing sees the same; the form's draft keeps what they typed.
 */
export function ContactForm(props: ContactFormProps) {
  const edit = useCan('edit-contacts');
  // Started before the person is known, a form could never take back its kept draft.
  if (stillKnowing(edit)) return <p role="status">Loading the form…</p>;
  if (!edit.allowed) return <ContactRecord {...props} edit={edit} />;
  return <ContactFormBody {...props} />;
}

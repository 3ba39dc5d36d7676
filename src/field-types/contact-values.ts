/**
 * The contact-value model: a contact's values as forms hold them, their checks and encoding, all
 * built at run time from the workspace's fields (the contact form, the list, its URL view and the
 * coming import use it). Generated values live under `values.<merge_tag>`, so a merge tag such as
 * `type` or `message` can never clash with the form library's own names.
 */
import * as z from 'zod/mini';
import type { ContactInput } from '../api/contacts.ts';
import type { Contact, Field } from '../api/schemas.ts';
import { EMAIL_MERGE_TAG, type FieldType } from '../contract/field-types.ts';
import { CONTACT_STATUSES, DEFAULT_STATUS, isContactStatus, type ContactStatus } from '../contract/statuses.ts';
import type { WireValue } from '../contract/values.ts';
import { rulesOf, sameValue, specForField } from './registry.ts';
import type { FieldRules, FormValue } from './spec.ts';

export type KnownField = Field & { type: FieldType };

export interface ContactFormValues {
  status: ContactStatus;
  tags: number[];
  values: Record<string, FormValue>;
}

export const isKnown = (field: Field): field is KnownField => field.type !== null;

/** A field's rules in the contact form; the email is always required, whatever the list says. */
export function contactRules(field: KnownField): FieldRules {
  const rules = rulesOf(field);
  return field.merge_tag === EMAIL_MERGE_TAG ? { ...rules, required: true } : rules;
}

/**
 * `kept`: stored values an edit may leave as they are, checked only once changed. A value that is
 * no longer an option (or was written by another tool) never blocks an unrelated edit: the save
 * does not send what was not changed.
 */
export function contactFormSchema(fields: readonly KnownField[], kept: Record<string, FormValue> = {}) {
  const values = Object.fromEntries(
    fields.map((field) => [field.merge_tag, valueSchema(field, kept[field.merge_tag])]),
  );
  return z.object({
    status: z.enum(CONTACT_STATUSES, { error: 'Choose a status.' }),
    tags: z.array(z.number()),
    // Built at run time, so zod cannot know its keys; each value has its field's own check.
    values: z.object(values) as unknown as z.ZodMiniType<Record<string, FormValue>, Record<string, FormValue>>,
  });
}

function valueSchema(field: KnownField, kept: FormValue | undefined): z.ZodMiniType<FormValue> {
  const spec = specForField(field);
  const rule = spec.schema(contactRules(field));
  if (kept === undefined || spec.encode(kept, contactRules(field)) === undefined) return rule;
  return z.custom<FormValue>().check(
    z.superRefine((value, context) => {
      if (sameValue(value, kept)) return;
      const result = rule.safeParse(value);
      if (!result.success)
        for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: issue.message });
    }),
  );
}

/** Each field's starting value: its default, parsed by type (one that does not fit is ignored). */
export function defaultFieldValues(fields: readonly KnownField[]): Record<string, FormValue> {
  return Object.fromEntries(
    fields.map((field) => [
      field.merge_tag,
      specForField(field).parseDefault(field.default_value, contactRules(field)),
    ]),
  );
}

export function emptyContact(fields: readonly KnownField[]): ContactFormValues {
  return { status: DEFAULT_STATUS, tags: [], values: defaultFieldValues(fields) };
}

/** The form as Create Contact wants it: encoded per the contract, empty optional values left out. */
export function encodeContact(fields: readonly KnownField[], form: ContactFormValues): ContactInput {
  const encoded: Record<string, WireValue> = {};
  for (const field of fields) {
    const value = form.values[field.merge_tag];
    if (value === undefined) continue;
    const wire = specForField(field).encode(value, contactRules(field));
    if (wire !== undefined) encoded[field.merge_tag] = wire;
  }
  return { fields: encoded, tags: [...form.tags], status: form.status };
}

/** A stored contact as form values, each read tolerantly by its field's type. */
export function contactToForm(fields: readonly KnownField[], contact: Contact): ContactFormValues {
  return {
    // BOUNCED (from an older page of the reference) is shown, never sent: CLEANED is its name today.
    status: isContactStatus(contact.status) ? contact.status : 'CLEANED',
    tags: contact.tags.map((tag) => tag.id),
    values: Object.fromEntries(
      fields.map((field) => [
        field.merge_tag,
        specForField(field).decode(contact.data[field.merge_tag], contactRules(field)),
      ]),
    ),
  };
}

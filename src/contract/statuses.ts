/**
 * Contact statuses the API accepts. One older page of the reference says BOUNCED where the others
 * say CLEANED: Lark Admin shows it, reads it as CLEANED in forms, and never sends it.
 */
export const CONTACT_STATUSES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'UNCONFIRMED', 'CLEANED', 'COMPLAINED'] as const;

export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export function isContactStatus(value: unknown): value is ContactStatus {
  return typeof value === 'string' && (CONTACT_STATUSES as readonly string[]).includes(value);
}

/** The status an upsert that replaces a contact falls back to when none is sent. */
export const DEFAULT_STATUS: ContactStatus = 'SUBSCRIBED';

/** Contact statuses the API accepts. */
export const CONTACT_STATUSES = [
  'SUBSCRIBED',
  'UNSUBSCRIBED',
  'UNCONFIRMED',
  'CLEANED',
  'COMPLAINED',
] as const;

export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** One older page of the reference says BOUNCED where the others say CLEANED: shown, never sent. */
export const DISPLAY_ONLY_STATUSES = ['BOUNCED'] as const;

export function isContactStatus(value: unknown): value is ContactStatus {
  return typeof value === 'string' && (CONTACT_STATUSES as readonly string[]).includes(value);
}

/** The status an upsert that replaces a contact falls back to when none is sent. */
export const DEFAULT_STATUS: ContactStatus = 'SUBSCRIBED';

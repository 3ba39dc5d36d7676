/** What each status means to an admin, and what creating a contact with it sets off. */
import type { ContactStatus } from '../contract/statuses.ts';

export const STATUS_MEANINGS: Readonly<Record<ContactStatus, { title: string; meaning: string }>> = {
  SUBSCRIBED: { title: 'Subscribed', meaning: 'Receives your campaigns.' },
  UNSUBSCRIBED: { title: 'Unsubscribed', meaning: 'Opted out: receives no campaigns.' },
  UNCONFIRMED: { title: 'Unconfirmed', meaning: 'Signed up but has not confirmed yet (double opt-in).' },
  CLEANED: { title: 'Cleaned', meaning: 'The address bounced and was taken out of sending.' },
  COMPLAINED: { title: 'Complained', meaning: 'Marked a campaign as spam: receives nothing more.' },
};

/** Only UNCONFIRMED fires an automation when a contact is created (the contract). */
export function automationOnCreate(status: ContactStatus): string {
  return status === 'UNCONFIRMED'
    ? 'Saving sends this contact the double opt-in confirmation email (the “Contact Subscribed (Pending)” automation).'
    : 'No automation runs when a contact is created with this status.';
}

/**
 * The contacts each person's browser has just read or written, for a few seconds: a save in the
 * SPA reads its contact afresh right before writing (to merge), so that read is the write's
 * "before", and the audit needs no read of its own: a save costs CampaignLark no extra request.
 */
import type { ContactSnapshot } from '../jobs/types.ts';

const FRESH_MS = 10_000;
const KEPT = 2000;

export function recentContacts(now: () => number = Date.now) {
  const kept = new Map<string, { contact: ContactSnapshot; at: number }>();
  const keyOf = (personId: string, email: string) => `${personId}\n${email.trim().toLowerCase()}`;
  return {
    remember(personId: string, contact: ContactSnapshot) {
      const email = contact.data.email_address;
      if (typeof email !== 'string') return;
      const key = keyOf(personId, email);
      kept.delete(key);
      kept.set(key, { contact, at: now() });
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    },
    /** What this person last saw of the contact at `email`, if it is only seconds old. */
    recall(personId: string, email: string): ContactSnapshot | undefined {
      const entry = kept.get(keyOf(personId, email));
      return entry && now() - entry.at < FRESH_MS ? entry.contact : undefined;
    },
  };
}

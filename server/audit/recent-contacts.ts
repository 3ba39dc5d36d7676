/**
 * The contacts each person's browser has just read or written, for a few seconds: a save in the
 * SPA reads its contact afresh right before writing (to merge), so that read is the write's
 * "before", and the audit needs no read of its own: a save costs CampaignLark no extra request.
 * Kept by contact id, newest first, so a write by id always meets the latest copy.
 */
import type { ContactSnapshot } from '../jobs/types.ts';

const FRESH_MS = 10_000;
const KEPT = 2000;

export function recentContacts(now: () => number = () => Date.now()) {
  const byId = new Map<string, { contact: ContactSnapshot; at: number }>();
  const idByEmail = new Map<string, string>();
  const keyOf = (personId: string, part: string) => `${personId}\n${part}`;
  const emailOf = (contact: ContactSnapshot) => {
    const email = contact.data.email_address;
    return typeof email === 'string' ? email.trim().toLowerCase() : null;
  };
  const bounded = (map: Map<string, unknown>) => {
    if (map.size > KEPT) map.delete(map.keys().next().value!);
  };
  const recallById = (personId: string, id: string) => {
    const entry = byId.get(keyOf(personId, id));
    return entry && now() - entry.at < FRESH_MS ? entry.contact : undefined;
  };
  return {
    remember(personId: string, contact: ContactSnapshot) {
      const key = keyOf(personId, contact.id);
      byId.delete(key);
      byId.set(key, { contact, at: now() });
      bounded(byId);
      const email = emailOf(contact);
      if (email === null) return;
      idByEmail.delete(keyOf(personId, email));
      idByEmail.set(keyOf(personId, email), contact.id);
      bounded(idByEmail);
    },
    recallById,
    /** What this person last saw of the contact now at `email`, if it is only seconds old. */
    recallByEmail(personId: string, email: string): ContactSnapshot | undefined {
      const id = idByEmail.get(keyOf(personId, email.trim().toLowerCase()));
      const contact = id === undefined ? undefined : recallById(personId, id);
      return contact && emailOf(contact) === email.trim().toLowerCase() ? contact : undefined;
    },
  };
}

/** A contact as a job stores it (before and after each row), and the comparisons undo needs. */
import { isDeepStrictEqual } from 'node:util';
import type { Answer } from './calls.ts';
import type { RowContext } from './runner.ts';
import type { ContactSnapshot, RowRecord } from './types.ts';

/** From the contract's contact object: values, status and tag ids; the rest is not a job's to restore. */
export function snapshotOf(contact: unknown): ContactSnapshot {
  const object = (contact ?? {}) as { id?: unknown; status?: unknown; data?: unknown; tags?: unknown };
  const tags = Array.isArray(object.tags) ? object.tags : [];
  return {
    id: String(object.id ?? ''),
    status: String(object.status ?? ''),
    data: typeof object.data === 'object' && object.data !== null ? (object.data as Record<string, unknown>) : {},
    tags: tags
      .map((tag) => (typeof tag === 'object' && tag !== null ? Number((tag as { id?: unknown }).id) : Number(tag)))
      .filter(Number.isInteger)
      .sort((a, b) => a - b),
  };
}

/** Equal as stored: a value left out and a value of null are both "no value". */
export const sameValue = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);

/** The same, and an empty text is no value too: how a person sees a field (cleared is cleared). */
export const sameOrBothBlank = (a: unknown, b: unknown) => sameValue(a, b) || (a ?? '') === (b ?? '');

export function sameContact(a: ContactSnapshot, b: ContactSnapshot): boolean {
  const keys = new Set([...Object.keys(a.data), ...Object.keys(b.data)]);
  return (
    a.status === b.status &&
    isDeepStrictEqual(a.tags, b.tags) &&
    [...keys].every((key) => sameValue(a.data[key], b.data[key]))
  );
}

/** The refusal of a row, in the API's own words when it gave any. */
export const refusalOf = (answer: Answer, doing: string) => ({
  refused: answer.message ?? `CampaignLark answered ${answer.status} while ${doing}.`,
});

export const byEmailPath = (email: string) => `/contacts/by-email?email=${encodeURIComponent(email)}`;

/**
 * The row's contact as the row first read it: read now on its first try, and stored before any
 * write, or kept from a try a restart cut short. A refusal when the contact cannot be read.
 */
export async function rowContact(
  row: RowRecord,
  email: string,
  { call, step }: Pick<RowContext, 'call' | 'step'>,
): Promise<ContactSnapshot | { refused: string }> {
  if (row.step !== 'pending') return row.before as ContactSnapshot;
  const read = await call('GET', byEmailPath(email));
  if (read.status === 404) return { refused: 'The contact is no longer in the workspace.' };
  if (read.status !== 200) return refusalOf(read, 'looking the contact up');
  const before = snapshotOf(read.data);
  step('read', { before });
  return before;
}

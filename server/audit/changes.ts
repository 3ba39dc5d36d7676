/**
 * What a write changed, value by value, from what was there before and what the API answered
 * after: the audit entry's `changes`. Only values that differ are listed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AuditChange } from '../../src/contract/audit.ts';
import { sameOrBothBlank } from '../jobs/snapshot.ts';
import type { ContactSnapshot } from '../jobs/types.ts';

/**
 * A contact's changed values, status and tags. `only`: the keys the write sent, so a value someone
 * else changed between the read and the write is not put on this person's account.
 */
export function contactChanges(
  before: ContactSnapshot | null,
  after: ContactSnapshot,
  only?: ReadonlySet<string>,
): AuditChange[] {
  const changes: AuditChange[] = [];
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after.data)]);
  for (const key of keys) {
    if (only && !only.has(key)) continue;
    const [was, now] = [before?.data[key] ?? null, after.data[key] ?? null];
    if (!sameOrBothBlank(was, now)) changes.push({ key, before: was, after: now });
  }
  if ((!only || only.has('status')) && before?.status !== after.status)
    changes.push({ key: 'status', before: before?.status ?? null, after: after.status });
  if ((!only || only.has('tags')) && !isDeepStrictEqual(before?.tags ?? [], after.tags))
    changes.push({ key: 'tags', before: before?.tags ?? [], after: after.tags });
  return changes;
}

/** The same change, when nothing could be read first: each value sent, its before unknown. */
export function unreadChanges(after: ContactSnapshot, only: ReadonlySet<string>): AuditChange[] {
  const valueOf = (key: string) => (key === 'status' ? after.status : key === 'tags' ? after.tags : after.data[key]);
  return [...only].map((key) => ({ key, before: null, after: valueOf(key) ?? null, known: false }));
}

/** A field's or a tag's changed attributes (label, merge tag, options...; name, description). */
export function attributeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  attributes: readonly string[],
): AuditChange[] {
  return attributes
    .filter((key) => !sameOrBothBlank(before?.[key], after?.[key]))
    .map((key) => ({ key, before: before?.[key] ?? null, after: after?.[key] ?? null }));
}

export const FIELD_ATTRIBUTES = ['label', 'merge_tag', 'type', 'definition', 'default_value', 'required'] as const;
export const TAG_ATTRIBUTES = ['name', 'description'] as const;

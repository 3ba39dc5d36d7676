/**
 * Records each write the browser makes through /v1: it takes what the write will change (the
 * contact as this person's browser just read it, or else a read of the contact, field or tag),
 * lets the write through, and records what differs in the answer. A job's writes are recorded by
 * the runner, which has read them already.
 * The SPA names the contact of a write by id (PUT, tags) in a header, since the contract has no
 * read by id; the header is only a hint, checked against the id it reads.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import type { AuditKind } from '../../src/contract/audit.ts';
import { CONTACT_EMAIL_HEADER } from '../../src/contract/audit.ts';
import { snapshotOf, byEmailPath } from '../jobs/snapshot.ts';
import type { ContactSnapshot } from '../jobs/types.ts';
import { recentContacts } from './recent-contacts.ts';
import { attributeChanges, contactChanges, FIELD_ATTRIBUTES, TAG_ATTRIBUTES, unreadChanges } from './changes.ts';
import type { AuditStore, NewEntry } from './store.ts';
import type { ApiRoute } from '../routes.ts';

/** A read through the workspace, in the browser's lane. */
export type Read = (path: string) => Promise<{ status: number; data: unknown }>;

type Write =
  | 'contact-read'
  | 'field-create'
  | 'field-change'
  | 'field-delete'
  | 'contact-create'
  | 'contact-put'
  | 'contact-upsert'
  | 'contact-tags'
  | 'tag-create'
  | 'tag-change'
  | 'tag-delete';

/** The gateway's routes whose answers the trail needs: the writes, and the read a save makes first. */
const WRITES: Partial<Record<ApiRoute, Write>> = {
  'GET /contacts/by-email': 'contact-read',
  'POST /fields': 'field-create',
  'PATCH /fields/:id': 'field-change',
  'DELETE /fields/:id': 'field-delete',
  'POST /contacts': 'contact-create',
  'PUT /contacts/:id': 'contact-put',
  'POST /contacts/upsert': 'contact-upsert',
  'POST /contacts/:id/tags/add': 'contact-tags',
  'POST /contacts/:id/tags/remove': 'contact-tags',
  'POST /tags': 'tag-create',
  'PATCH /tags/:id': 'tag-change',
  'DELETE /tags/:id': 'tag-delete',
};
const router = new TrieRouter<Write>();
for (const [route, write] of Object.entries(WRITES)) {
  const [method, path] = route.split(' ') as [string, string];
  router.add(method, path, write);
}

const TAG_PAGES_READ = 20;
type Thing = Record<string, unknown>;

async function findField(read: Read, id: string): Promise<Thing | null> {
  const answer = await read('/fields');
  const list = answer.status === 200 && Array.isArray(answer.data) ? (answer.data as Thing[]) : [];
  return list.find((field) => String(field.id) === id) ?? null;
}

async function findTag(read: Read, id: string): Promise<Thing | null> {
  for (let page = 1; page <= TAG_PAGES_READ; page++) {
    const answer = await read(`/tags?page=${page}&limit=100`);
    const tags = (answer.data as { tags?: Thing[] } | undefined)?.tags;
    if (answer.status !== 200 || !Array.isArray(tags) || tags.length === 0) return null;
    const found = tags.find((tag) => String(tag.id) === id);
    if (found) return found;
  }
  return null;
}

async function findContact(
  read: Read,
  recalled: ReturnType<typeof recentContacts> & { person: string },
  email: unknown,
  id?: string,
): Promise<ContactSnapshot | null | undefined> {
  // A write by id meets the latest copy this person's browser has seen; the address is only a hint.
  const seen =
    id !== undefined
      ? recalled.recallById(recalled.person, id)
      : typeof email === 'string'
        ? recalled.recallByEmail(recalled.person, email)
        : undefined;
  if (seen) return seen;
  if (typeof email !== 'string' || email.trim() === '') return undefined;
  const answer = await read(byEmailPath(email));
  // By address, not found: a new contact. By id, not found under the address named: not known.
  if (answer.status === 404) return id === undefined ? null : undefined;
  if (answer.status !== 200) return undefined;
  const contact = snapshotOf(answer.data);
  return id === undefined || contact.id === id ? contact : undefined;
}

/**
 * The keys a contact write can change: the values, status and tags it sends, or (undefined) all
 * of them for a write that replaces the whole record.
 */
function sentKeys(body: Thing, write: Write): Set<string> | undefined {
  if (write === 'contact-tags') return new Set(['tags']);
  if (write === 'contact-put' || (write === 'contact-upsert' && body.partial_update !== true)) return undefined;
  const keys = new Set(Object.keys((body.fields as Thing | undefined) ?? {}));
  if ('status' in body) keys.add('status');
  if ('tags' in body) keys.add('tags');
  return keys;
}

const decoded = (text: string | undefined) => {
  try {
    return text === undefined ? undefined : decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

const dataOf = async (c: Context) =>
  (
    (await c.res
      .clone()
      .json()
      .catch(() => null)) as { data?: unknown } | null
  )?.data;

export function recordWrites(audit: AuditStore, read: Read, recent = recentContacts()): MiddlewareHandler {
  return async (c, next) => {
    const person = c.get('person');
    const path = c.req.path.replace(/^\/v1(?=\/)/, '');
    const [[match]] = router.match(c.req.method, path);
    if (!person || !match) return next();
    const [write, params] = match as unknown as [Write, Record<string, string>];
    if (write === 'contact-read') {
      await next();
      if (c.res.ok) recent.remember(person.id, snapshotOf(await dataOf(c)));
      return;
    }
    const id = params.id;
    const body = ((await c.req.json().catch(() => null)) ?? {}) as Thing;
    const actor = { id: person.id, name: person.name };
    const entry = (kind: AuditKind, rest: Omit<NewEntry, 'actor' | 'kind' | 'job'>): NewEntry => ({
      actor,
      kind,
      job: null,
      ...rest,
    });

    if (write.startsWith('field') || write.startsWith('tag')) {
      const kind: AuditKind = write.startsWith('field') ? 'field' : 'tag';
      const attributes = kind === 'field' ? FIELD_ATTRIBUTES : TAG_ATTRIBUTES;
      const action = c.req.method === 'POST' ? 'created' : c.req.method === 'DELETE' ? 'deleted' : 'changed';
      // undefined: the field or tag could not be read first, so its values before are not known.
      const before =
        id === undefined ? null : ((await (kind === 'field' ? findField(read, id) : findTag(read, id))) ?? undefined);
      await next();
      if (!c.res.ok) return;
      const after = action === 'deleted' ? null : ((await dataOf(c)) as Thing);
      const named = (after ?? before ?? {}) as Thing;
      const changes = attributeChanges(before ?? null, after, attributes);
      audit.record(
        entry(kind, {
          action,
          targetId: String(named.id ?? id ?? ''),
          targetName: String(named.label ?? named.name ?? `#${id}`),
          changes:
            before === undefined ? changes.map((change) => ({ ...change, before: null, known: false })) : changes,
        }),
      );
      return;
    }

    const email = write === 'contact-upsert' ? body.email_address : decoded(c.req.header(CONTACT_EMAIL_HEADER));
    const before =
      write === 'contact-create' ? null : await findContact(read, { ...recent, person: person.id }, email, id);
    await next();
    if (!c.res.ok) return;
    const after = snapshotOf(await dataOf(c));
    recent.remember(person.id, after);
    const only = sentKeys(body, write);
    const changes =
      before === undefined
        ? unreadChanges(after, only ?? new Set([...Object.keys(after.data), 'status', 'tags']))
        : contactChanges(before, after, only);
    if (changes.length === 0 && before !== null) return;
    audit.record(
      entry('contact', {
        action: before === null ? 'created' : 'changed',
        targetId: after.id,
        targetName: String(after.data.email_address ?? ''),
        changes,
      }),
    );
  };
}

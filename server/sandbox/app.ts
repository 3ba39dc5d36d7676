/** The sandbox workspace as an HTTP handler: the contract's routes over the SQLite store. */
import { Hono, type Context } from 'hono';
import { messages } from '../../src/contract/messages.ts';
import { API_ROUTES, splitRoute, type ApiRoute } from '../routes.ts';
import { changeContactTags, contactByEmail, createContact, replaceContact, upsertContact } from './contacts.ts';
import { ApiFailure, refuse } from './failure.ts';
import { createField, deleteField, listFields, updateField } from './fields.ts';
import { searchContacts } from './search.ts';
import { sqliteCode, SQLITE_BUSY, SQLITE_FULL, SQLITE_LOCKED } from '../sqlite-file.ts';
import type { Store } from './store.ts';
import { createTag, deleteTag, listTags, updateTag } from './tags.ts';

interface Call {
  store: Store;
  id: string;
  body: unknown;
  query: (name: string) => string | undefined;
}

type Answer = { status: 200 | 201; data: unknown };
const ok = (data: unknown): Answer => ({ status: 200, data });
const created = (data: unknown): Answer => ({ status: 201, data });

const HANDLERS: Record<ApiRoute, (call: Call) => Answer> = {
  'GET /fields': ({ store }) => ok(listFields(store)),
  'POST /fields': ({ store, body }) => created(createField(store, body)),
  'PATCH /fields/:id': ({ store, id, body }) => ok(updateField(store, id, body)),
  'DELETE /fields/:id': ({ store, id }) => ok(deleteField(store, id)),
  'POST /contacts': ({ store, body }) => created(createContact(store, body)),
  'PUT /contacts/:id': ({ store, id, body }) => ok(replaceContact(store, id, body)),
  'POST /contacts/upsert': ({ store, body }) => ok(upsertContact(store, body)),
  'POST /contacts/search': ({ store, body }) => ok(searchContacts(store, body)),
  'GET /contacts/by-email': ({ store, query }) => ok(contactByEmail(store, query('email'))),
  'POST /contacts/:id/tags/add': ({ store, id, body }) => ok(changeContactTags(store, id, body, 'add')),
  'POST /contacts/:id/tags/remove': ({ store, id, body }) => ok(changeContactTags(store, id, body, 'remove')),
  'GET /tags': ({ store, query }) => ok(listTags(store, { page: query('page'), limit: query('limit') })),
  'POST /tags': ({ store, body }) => created(createTag(store, body)),
  'PATCH /tags/:id': ({ store, id, body }) => ok(updateTag(store, id, body)),
  'DELETE /tags/:id': ({ store, id }) => ok(deleteTag(store, id)),
};

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw refuse(messages.bodyNotJson);
  }
}

export interface SandboxOptions {
  /** The contract's limit per workspace; over it, 429. */
  requestsPerSecond?: number;
}

/** A fixed one-second window: CampaignLark's "100 requests per second per workspace". */
function rateLimiter(limit: number) {
  let windowStart = 0;
  let count = 0;
  return (now: number) => {
    if (now - windowStart >= 1000) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    return count <= limit;
  };
}

/** How long a request waits for another process to let go of the database, before 503. */
const BUSY_DEADLINE_MS = 800;

/**
 * Runs `work`, trying again while another process holds the database, without blocking other
 * requests meanwhile. A write that met the lock did nothing yet (its transaction never began).
 */
async function whileBusy<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_DEADLINE_MS;
  for (;;) {
    try {
      return work();
    } catch (error) {
      const code = sqliteCode(error);
      if ((code !== SQLITE_BUSY && code !== SQLITE_LOCKED) || Date.now() >= deadline) throw error;
      await new Promise((resume) => setTimeout(resume, 25));
    }
  }
}

export function createSandbox(store: Store, options: SandboxOptions = {}): Hono {
  const app = new Hono();
  const withinLimit = rateLimiter(options.requestsPerSecond ?? 100);

  app.use(async (c, next) => {
    if (!withinLimit(Date.now())) {
      c.header('Retry-After', '1');
      return c.json({ error: { message: messages.rateLimited } }, 429);
    }
    return next();
  });

  for (const route of API_ROUTES) {
    const { method, pattern } = splitRoute(route);
    app.on(method, pattern, async (c) => {
      const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(c);
      const answer = await whileBusy(() =>
        HANDLERS[route]({ store, id: c.req.param('id') ?? '', body, query: (name) => c.req.query(name) }),
      );
      return c.json({ data: answer.data }, answer.status);
    });
  }

  app.onError((error, c) => {
    if (error instanceof ApiFailure) return c.json({ error: { message: error.message } }, error.status);
    // Every write is one transaction, so a refused one left nothing behind.
    const code = sqliteCode(error);
    if (code === SQLITE_BUSY || code === SQLITE_LOCKED) {
      c.header('Retry-After', '1');
      return c.json({ error: { message: 'The sandbox workspace is busy; try again.' } }, 503);
    }
    if (code === SQLITE_FULL) return c.json({ error: { message: 'The disk is full; nothing was saved.' } }, 507);
    throw error;
  });
  return app;
}

/** Drives the real request handler in-process, against a fresh in-memory sandbox workspace. */
import { createApp } from '../../server/app.ts';
import { openStore, type Store } from '../../server/sandbox/store.ts';

export interface Answer {
  status: number;
  // Answers are JSON of many shapes; tests read them as a person reads a response.
  body: any;
  headers: Headers;
}

/** Calls an app in-process as a client would: a body comes with its type and length; no body, neither. */
export function requester(app: { request: (url: string, init: RequestInit) => Response | Promise<Response> }) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (method !== 'GET' && method !== 'HEAD' && body !== undefined) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...headers,
      };
      init.body = text;
    }
    const response = await app.request(`http://localhost${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  };
}

export function sandbox(options: { requestsPerSecond?: number; store?: Store } = {}) {
  const store = options.store ?? openStore(':memory:');
  const app = createApp({
    backend: { mode: 'sandbox', store, requestsPerSecond: options.requestsPerSecond ?? 10_000 },
    hostNames: new Set(['localhost']),
    log: () => {},
  });
  const call = requester(app);

  return {
    store,
    app,
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    del: (path: string) => call('DELETE', path),
  };
}

export type Sandbox = ReturnType<typeof sandbox>;

/** The API's error envelope with one message. */
export const error = (message: string) => ({ error: { message } });

/** Segments exist only in CampaignLark's own app; tests put them straight into the store. */
export function addSegment(store: Store, name: string, uses: { fieldIds?: number[]; tagIds?: number[] }) {
  const { id } = store.db.prepare('INSERT INTO segments (name) VALUES (?) RETURNING id').get(name) as { id: number };
  for (const fieldId of uses.fieldIds ?? []) {
    store.db.prepare('INSERT INTO segment_fields (segment_id, field_id) VALUES (?, ?)').run(id, fieldId);
  }
  for (const tagId of uses.tagIds ?? []) {
    store.db.prepare('INSERT INTO segment_tags (segment_id, tag_id) VALUES (?, ?)').run(id, tagId);
  }
}

/** An import or export running in the workspace. */
export function setTransferInProgress(store: Store, running: boolean) {
  store.db.prepare('UPDATE workspace SET transfer_in_progress = ? WHERE id = 1').run(running ? 1 : 0);
}

/** The trail in live mode: a save through the proxy is recorded, costs CampaignLark no extra request, and never stores the key. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccessFile } from '../../server/access/access-file.ts';
import { createApp } from '../../server/app.ts';
import { createAuditStore, type AuditStore } from '../../server/audit/store.ts';
import { FAKE_KEY, startFakeCampaignLark } from '../support/fake-campaignlark.ts';

let fake: Awaited<ReturnType<typeof startFakeCampaignLark>>;
let audit: AuditStore;
let call: (method: string, path: string, body?: unknown) => Response | Promise<Response>;

beforeEach(async () => {
  fake = await startFakeCampaignLark();
  audit = createAuditStore(openAccessFile(':memory:'), { redact: (text) => text.replaceAll(FAKE_KEY, '[redacted]') });
  const app = createApp({
    backend: { mode: 'live', apiUrl: fake.apiUrl, apiKey: FAKE_KEY },
    audit,
    hostNames: new Set(['localhost']),
    access: { signIn: 'open', person: { id: 'jane', name: 'Jane Doe', email: null, role: 'admin' } },
    log: () => {},
  });
  call = (method, path, body) =>
    app.request(`http://localhost${path}`, {
      method,
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
});
afterEach(() => fake.close());

describe('in live mode', () => {
  it('records a save from the browser’s own fresh read, with no extra request to CampaignLark', async () => {
    await call('POST', '/v1/fields', { label: 'Notes', merge_tag: 'notes', type: 'TEXT' });
    await call('POST', '/v1/contacts', {
      fields: { email_address: 'a@example.com', notes: 'old' },
      status: 'SUBSCRIBED',
    });
    expect((await call('GET', '/v1/contacts/by-email?email=a%40example.com')).status).toBe(200);
    const before = fake.received.length;
    const save = await call('POST', '/v1/contacts/upsert', {
      email_address: 'a@example.com',
      fields: { notes: `pasted ${FAKE_KEY} by mistake` },
      partial_update: true,
    });
    expect(save.status).toBe(200);
    expect(fake.received.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /contacts/upsert',
    ]);
    const [entry] = audit.activity({}).entries;
    expect(entry).toMatchObject({ actor: { name: 'Jane Doe' }, kind: 'contact', action: 'changed' });
    expect(entry!.changes).toEqual([{ key: 'notes', before: 'old', after: 'pasted [redacted] by mistake' }]);
  });
});

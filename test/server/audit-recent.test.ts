/** A save reads its contact just before writing; the audit takes that read as the write's before. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { openAccessFile } from '../../server/access/access-file.ts';
import { recordWrites, type Read } from '../../server/audit/record-writes.ts';
import { createAuditStore } from '../../server/audit/store.ts';

const contact = (email: string, company: string) => ({
  id: '64f1a2b3c4d5e6f7a8b9c0d1',
  status: 'SUBSCRIBED',
  tags: [],
  data: { email_address: email, company },
});

function workspace() {
  const audit = createAuditStore(openAccessFile(':memory:'));
  const reads: string[] = [];
  const read: Read = async (path) => {
    reads.push(path);
    return { status: 200, data: contact('b@example.com', 'Initech') };
  };
  const app = new Hono();
  app.use(async (c, next) => {
    c.set('person', { id: 'jane', name: 'Jane Doe', email: null, role: 'admin' });
    return next();
  });
  app.use(recordWrites(audit, read));
  app.get('/v1/contacts/by-email', (c) => c.json({ data: contact(c.req.query('email')!, 'Initech') }));
  app.post('/v1/contacts/:id/tags/add', (c) =>
    c.json({ data: { ...contact('a@example.com', 'Globex'), tags: [{ id: 3, name: 'vip' }] } }),
  );
  app.post('/v1/contacts/upsert', async (c) => {
    const body = (await c.req.json()) as { email_address: string; fields: { company: string } };
    return c.json({ data: contact(body.email_address, body.fields.company) });
  });
  const upsert = (email: string, company: string) =>
    app.request('/v1/contacts/upsert', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: email, fields: { company }, partial_update: true }),
    });
  return { app, audit, reads, upsert };
}

describe('the before of a save', () => {
  it('is the read the browser made just before, so the save costs no extra request', async () => {
    const { app, audit, reads, upsert } = workspace();
    await app.request('/v1/contacts/by-email?email=a%40example.com');
    await upsert('a@example.com', 'Globex');
    expect(reads).toEqual([]);
    expect(audit.activity({}).entries[0]!.changes).toEqual([{ key: 'company', before: 'Initech', after: 'Globex' }]);
    // The answer to that write is the before of the next step of the same save.
    await upsert('a@example.com', 'Hooli');
    expect(reads).toEqual([]);
    expect(audit.activity({}).entries[0]!.changes).toEqual([{ key: 'company', before: 'Globex', after: 'Hooli' }]);
  });

  it('takes the newest copy for a write by id, whatever address the browser names', async () => {
    const { app, audit, reads, upsert } = workspace();
    await app.request('/v1/contacts/by-email?email=a%40example.com');
    await upsert('a@example.com', 'Globex');
    await app.request('/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1/tags/add', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lark-contact-email': 'old%40example.com' },
      body: JSON.stringify({ tag_ids: [3] }),
    });
    expect(reads).toEqual([]);
    expect(audit.activity({}).entries[0]!.changes).toEqual([{ key: 'tags', before: [], after: [3] }]);
  });

  it('is read by the server when the browser read nothing', async () => {
    const { audit, reads, upsert } = workspace();
    await upsert('b@example.com', 'Globex');
    expect(reads).toEqual(['/contacts/by-email?email=b%40example.com']);
    expect(audit.activity({}).entries[0]!.changes).toEqual([{ key: 'company', before: 'Initech', after: 'Globex' }]);
  });
});

describe('a field or tag that could not be read first', () => {
  it('is recorded by what the request did, its values before not known', async () => {
    const audit = createAuditStore(openAccessFile(':memory:'));
    const app = new Hono();
    app.use(async (c, next) => {
      c.set('person', { id: 'jane', name: 'Jane Doe', email: null, role: 'admin' });
      return next();
    });
    app.use(recordWrites(audit, async () => ({ status: 503, data: undefined })));
    app.delete('/v1/tags/:id', (c) => c.json({ data: 'The tag has been deleted successfully.' }));
    app.patch('/v1/fields/:id', (c) => c.json({ data: { id: 7, label: 'Plan', merge_tag: 'plan', type: 'TEXT' } }));
    await app.request('/v1/tags/2500', { method: 'DELETE' });
    expect(audit.activity({}).entries[0]).toMatchObject({ kind: 'tag', action: 'deleted', targetName: '#2500' });
    await app.request('/v1/fields/7', { method: 'PATCH', body: '{}', headers: { 'content-type': 'application/json' } });
    const changed = audit.activity({}).entries[0]!;
    expect(changed).toMatchObject({ kind: 'field', action: 'changed', targetName: 'Plan' });
    expect(changed.changes).toContainEqual({ key: 'label', before: null, after: 'Plan', known: false });
  });
});

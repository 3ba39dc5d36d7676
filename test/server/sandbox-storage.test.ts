/** 9. The sandbox's file: busy, full, or not one to use, each answered in plain words. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/sandbox/store.ts';
import { PROJECT_ROOT, runServerToExit } from '../support/server-process.ts';
import { sandbox } from './sandbox-client.ts';

const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lark-storage-'));
  chmodSync(dir, 0o755);
  return dir;
};

describe('a sandbox that cannot write right now', () => {
  it('answers 503 within a second while another process holds the database, and /api/status still answers', async () => {
    const path = join(folder(), 'workspace.sqlite');
    const api = sandbox({ store: openStore(path) });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const answer = await api.post('/v1/tags', { name: 'blocked' });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ error: { message: 'The sandbox workspace is busy; try again.' } });
      expect(answer.headers.get('retry-after')).toBe('1');
      expect((await api.get('/api/status')).status).toBe(200);
      expect((await api.get('/v1/tags')).status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await api.post('/v1/tags', { name: 'blocked' })).status).toBe(201);
  });

  it('answers 507 when the disk is full, and nothing of the write is kept', async () => {
    const path = join(folder(), 'workspace.sqlite');
    const store = openStore(path);
    const api = sandbox({ store });
    await api.post('/v1/fields', { label: 'Notes', merge_tag: 'notes', type: 'TEXT' });
    // The file may not grow: as good as a full disk, to SQLite.
    const { page_count: pages } = store.db.prepare('PRAGMA page_count').get() as { page_count: number };
    store.db.exec(`PRAGMA max_page_count = ${pages}`);
    const answer = await api.post('/v1/contacts', {
      fields: { email_address: 'big@example.com', notes: 'x'.repeat(200_000) },
      status: 'SUBSCRIBED',
    });
    expect(answer).toMatchObject({ status: 507, body: { error: { message: 'The disk is full; nothing was saved.' } } });
    expect((await api.get('/v1/contacts/by-email?email=big@example.com')).status).toBe(404);
  });

  it('answers 507 too when SQLite itself has undone the transaction (an update)', async () => {
    const store = openStore(join(folder(), 'workspace.sqlite'));
    const api = sandbox({ store });
    await api.post('/v1/fields', { label: 'Notes', merge_tag: 'notes', type: 'TEXT' });
    const contact = (
      await api.post('/v1/contacts', {
        fields: { email_address: 'small@example.com', notes: 'short' },
        status: 'SUBSCRIBED',
      })
    ).body.data;
    const { page_count: pages } = store.db.prepare('PRAGMA page_count').get() as { page_count: number };
    store.db.exec(`PRAGMA max_page_count = ${pages}`);
    const answer = await api.put(`/v1/contacts/${contact.id}`, {
      fields: { email_address: 'small@example.com', notes: 'y'.repeat(200_000) },
      status: 'SUBSCRIBED',
    });
    expect(answer).toMatchObject({ status: 507, body: { error: { message: 'The disk is full; nothing was saved.' } } });
    expect((await api.get('/v1/contacts/by-email?email=small@example.com')).body.data.data.notes).toBe('short');
  });

  it('keeps answering other requests while one waits for the lock', async () => {
    const path = join(folder(), 'workspace.sqlite');
    const api = sandbox({ store: openStore(path) });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const writes = Promise.all([1, 2, 3].map((n) => api.post('/v1/tags', { name: `waiting ${n}` })));
      const started = performance.now();
      expect((await api.get('/api/status')).status).toBe(200);
      expect((await api.get('/v1/fields')).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(300);
      expect((await writes).map((answer) => answer.status)).toEqual([503, 503, 503]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('a file that is not one to use', () => {
  it('refuses a directory, a system path, a file that is not SQLite and another program’s database, touching none', () => {
    const dir = folder();
    expect(() => openStore(dir)).toThrow(
      `SANDBOX_DB ${dir} is a directory; give a file path, such as ${dir}/sandbox.sqlite.`,
    );
    expect(() => openStore('/proc/self/sandbox.sqlite')).toThrow(
      'SANDBOX_DB /proc/self/sandbox.sqlite is a system path (/proc, /sys or /dev); give a file for the sandbox workspace.',
    );

    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'These are my notes, not a database.\n');
    expect(() => openStore(text)).toThrow(
      `SANDBOX_DB ${text} is not a SQLite database (or is damaged); Lark Admin leaves it as it is.`,
    );

    const link = join(dir, 'link.sqlite');
    symlinkSync('/proc/self/environ', link);
    expect(() => openStore(link)).toThrow(
      `SANDBOX_DB ${link} is a system path (/proc, /sys or /dev); give a file for the sandbox workspace.`,
    );

    const views = join(dir, 'views.sqlite');
    const viewsOnly = new DatabaseSync(views);
    viewsOnly.exec('CREATE VIEW answer AS SELECT 42 AS value');
    viewsOnly.close();
    expect(() => openStore(views)).toThrow(
      `SANDBOX_DB ${views} is another program's SQLite database, not a Lark Admin sandbox; Lark Admin never adds its tables to it.`,
    );

    const foreign = join(dir, 'accounts.sqlite');
    const other = new DatabaseSync(foreign);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    expect(() => openStore(foreign)).toThrow(
      `SANDBOX_DB ${foreign} is another program's SQLite database, not a Lark Admin sandbox; Lark Admin never adds its tables to it.`,
    );
    const check = new DatabaseSync(foreign);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'invoices' }]);
    check.close();
  });

  it('reopens its own file, including one made before it marked its files', () => {
    const path = join(folder(), 'workspace.sqlite');
    openStore(path).close();
    const again = openStore(path);
    expect(again.db.prepare('PRAGMA application_id').get()).toEqual({ application_id: 0x4c41524b });
    again.db.exec('PRAGMA application_id = 0');
    again.close();
    expect(() => openStore(path).close()).not.toThrow();
  });

  it('refuses to start on a read-only file, in one line', async (context) => {
    const dir = folder();
    const path = join(dir, 'workspace.sqlite');
    openStore(path).close();
    chmodSync(path, 0o444);
    // Root writes anywhere, so as root the server runs as nobody, for whom the file is read-only.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const readable = spawnSync(
      process.execPath,
      ['-e', `require('node:fs').accessSync(${JSON.stringify(join(PROJECT_ROOT, 'server/main.ts'))})`],
      asNobody,
    );
    if (readable.status !== 0)
      context.skip('the project folder is not readable by nobody, and root may write a read-only file');
    const { code, output } = await runServerToExit({ SANDBOX_DB: path }, 10_000, asNobody);
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Lark Admin cannot start: SANDBOX_DB ${path} is read-only (the file or its folder); Lark Admin must be able to write the sandbox workspace there.`,
    );
  });

  it('refuses to start on a directory, in one line', async () => {
    const dir = join(folder(), 'data');
    mkdirSync(dir);
    const { code, output } = await runServerToExit({ SANDBOX_DB: dir });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Lark Admin cannot start: SANDBOX_DB ${dir} is a directory; give a file path, such as ${dir}/sandbox.sqlite.`,
    );
  });
});

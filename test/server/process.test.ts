/** The real server as a process: how it starts, refuses to start, stops, and keeps its data. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServerToExit, startServer, type RunningServer } from '../support/server-process.ts';
import { startStubUpstream } from '../support/stub-upstream.ts';

const running: RunningServer[] = [];
async function start(env: Record<string, string>) {
  const server = await startServer(env);
  running.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.kill()));
});

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'lark-db-')), 'workspace.sqlite');
const json = { 'content-type': 'application/json' };

function createContact(url: string, n: number) {
  return fetch(`${url}/v1/contacts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ fields: { email_address: `p${n}@example.com` }, status: 'SUBSCRIBED' }),
  });
}

async function contactEmails(url: string): Promise<string[]> {
  const response = await fetch(`${url}/v1/contacts/search`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ limit: 250 }),
  });
  const { data } = (await response.json()) as { data: { contacts: { data: { email_address: string } }[] } };
  return data.contacts.map((contact) => contact.data.email_address);
}

describe('starting', () => {
  it.each([
    [{ PORT: 'abc' }, 'Lark Admin cannot start: PORT must be a whole number'],
    [
      { HOST: '0.0.0.0' },
      'Lark Admin cannot start: HOST 0.0.0.0 lets other machines connect; set OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD',
    ],
    [{ CAMPAIGNLARK_API_URL: 'ftp://x' }, 'Lark Admin cannot start: CAMPAIGNLARK_API_URL must use https://'],
  ])('refuses %o with one clear line', async (env, start) => {
    const { code, output } = await runServerToExit(env);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toContain(start);
  });

  it('says the port is taken rather than crashing', async () => {
    const first = await start({ SANDBOX_DB: ':memory:' });
    const { code, output } = await runServerToExit({ SANDBOX_DB: ':memory:', PORT: new URL(first.url).port });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `Lark Admin cannot start: port ${new URL(first.url).port} on 127.0.0.1 is already in use; set PORT to another.`,
    );
  });

  it('starts on a non-loopback address when a password is set, and asks for it', async () => {
    const server = await start({ SANDBOX_DB: ':memory:', HOST: '0.0.0.0', ADMIN_PASSWORD: 'correct horse battery' });
    const url = server.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${url}/api/status`)).status).toBe(401);
    const authorized = await fetch(`${url}/api/status`, {
      headers: { authorization: `Basic ${btoa('admin:correct horse battery')}` },
    });
    expect(await authorized.json()).toEqual({ mode: 'sandbox' });
    await waitForOutput(server, 'Sign-in: the shared ADMIN_PASSWORD (one admin).');
  });

  it('says how people sign in: nobody asked, on this computer alone', async () => {
    const server = await start({ SANDBOX_DB: ':memory:' });
    await waitForOutput(server, 'Sign-in: none; anyone using this computer can use it, as an admin.');
  });
});

/** The line printed right after the "serving" line, once it has arrived. */
async function waitForOutput(server: { output: () => string }, line: string) {
  for (let tries = 0; tries < 50 && !server.output().includes(line); tries++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.output()).toContain(line);
}

describe('the sandbox database file', () => {
  it('keeps the workspace across a restart', async () => {
    const db = tempDb();
    const first = await start({ SANDBOX_DB: db });
    await fetch(`${first.url}/v1/fields`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ label: 'Shoe size', merge_tag: 'shoe_size', type: 'NUMBER' }),
    });
    await createContact(first.url, 1);
    await first.stop();
    const second = await start({ SANDBOX_DB: db });
    const fields = (await (await fetch(`${second.url}/v1/fields`)).json()) as { data: { merge_tag: string }[] };
    expect(fields.data.map((field) => field.merge_tag)).toEqual([
      'email_address',
      'first_name',
      'last_name',
      'shoe_size',
    ]);
    expect(await contactEmails(second.url)).toEqual(['p1@example.com']);
  });

  it('loses no acknowledged write when the process is killed mid-batch', async () => {
    const db = tempDb();
    const server = await start({ SANDBOX_DB: db });
    const acknowledged: string[] = [];
    const batch = Array.from({ length: 60 }, (_, n) =>
      createContact(server.url, n).then(
        (response) => response.status === 201 && acknowledged.push(`p${n}@example.com`),
        () => {},
      ),
    );
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 2));
    await server.kill();
    await Promise.all(batch);
    const restarted = await start({ SANDBOX_DB: db });
    const kept = await contactEmails(restarted.url);
    for (const email of acknowledged) expect(kept).toContain(email);
  });

  it('lets exactly one of many parallel creates of one merge tag win, across two processes on one file', async () => {
    const db = tempDb();
    const [a, b] = [await start({ SANDBOX_DB: db }), await start({ SANDBOX_DB: db })];
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, n) =>
        fetch(`${(n % 2 ? a : b).url}/v1/fields`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ label: `Loyalty ${n}`, merge_tag: 'loyalty', type: 'NUMBER' }),
        }).then(async (response) => ({ status: response.status, body: await response.json() })),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400).map((answer) => answer.body)).toEqual(
      Array(15).fill({ error: { message: 'Validation error' } }),
    );
    const fields = (await (await fetch(`${a.url}/v1/fields`)).json()) as { data: { merge_tag: string }[] };
    expect(fields.data.filter((field) => field.merge_tag === 'loyalty')).toHaveLength(1);
  });
});

describe('live mode as a process', () => {
  it('never prints the key, whatever happens', async () => {
    const key = 'cl_live_process_test_key_42';
    const upstream = await startStubUpstream();
    try {
      const server = await start({ CAMPAIGNLARK_API_KEY: key, CAMPAIGNLARK_API_URL: upstream.apiUrl });
      expect(await (await fetch(`${server.url}/api/status`)).json()).toEqual({ mode: 'live' });
      await fetch(`${server.url}/v1/fields`);
      upstream.answer((_, response) =>
        response.writeHead(401).end('{"error":{"message":"The API key you provided is invalid or has been revoked."}}'),
      );
      await fetch(`${server.url}/v1/tags`);
      await upstream.close();
      await fetch(`${server.url}/v1/tags`);
      expect(upstream.received[0]!.headers.authorization).toBe(`Bearer ${key}`);
      expect(server.output()).toContain('upstream unreachable');
      expect(server.output()).not.toContain(key);
    } finally {
      await upstream.close();
    }
  });
});

/**
 * Lark Admin with sign-in for teams, in-process, against a real OpenID provider on loopback, and
 * a browser's part of the sign-in played with fetch: cookies kept per site, redirects followed by
 * hand so each step can be checked.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOidcSettings } from '../../server/access/auth-config.ts';
import { openAccessFile } from '../../server/access/access-file.ts';
import { createOidcClient } from '../../server/access/oidc.ts';
import { createSessions } from '../../server/access/sessions.ts';
import { createApp } from '../../server/app.ts';
import { auditApi } from '../../server/audit/api.ts';
import { createAuditStore } from '../../server/audit/store.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';

export const PEOPLE = {
  ada: { name: 'Ada Admin', email: 'ada@example.com', groups: ['staff', 'lark-admins'] },
  eddie: { name: 'Eddie Editor', email: 'eddie@example.com', groups: ['lark-editors'] },
  vera: { name: 'Vera Viewer', email: 'vera@example.com', groups: ['lark-viewers'] },
  nobody: { name: 'Nora Nobody', email: 'nora@example.com', groups: ['sales'] },
};

export type Jar = Map<string, string>;

/** Keeps what a response's Set-Cookie headers say, as a browser would (a Max-Age of 0 removes). */
export function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (/max-age=0/i.test(line) || value === '') jar.delete(name.trim());
    else jar.set(name.trim(), value);
  }
}
export const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** A built SPA of one page and one script. */
function tinyDist() {
  const dist = mkdtempSync(join(tmpdir(), 'lark-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Lark Admin</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'page-Ab12Cd34.js'), 'export const page = "lazy";\n');
  return dist;
}

export async function startLark(
  publicUrl = 'https://lark.example.com',
  env: Record<string, string> = {},
  providerOptions?: Parameters<typeof startTestProvider>[1],
) {
  const provider: TestProvider = await startTestProvider([`${publicUrl}/auth/callback`], providerOptions);
  Object.assign(provider.people, PEOPLE);
  const settings = readOidcSettings({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    PUBLIC_URL: publicUrl,
    SESSION_SECRET: 'a session secret of more than thirty-two characters',
    OIDC_SCOPES: 'openid profile email groups',
    LARK_ADMINS: 'lark-admins',
    LARK_EDITORS: 'lark-editors',
    LARK_VIEWERS: 'lark-viewers',
    ...env,
  })!;
  const clock = { now: Date.now() };
  const file = openAccessFile(':memory:');
  const sessions = createSessions(file, () => clock.now);
  const audit = createAuditStore(file);
  const logs: string[] = [];
  const app = createApp({
    backend: { mode: 'sandbox', store: openStore(':memory:') },
    audit,
    auditApi: auditApi(audit),
    hostNames: new Set([new URL(publicUrl).hostname, 'localhost']),
    access: { signIn: 'oidc', settings, oidc: createOidcClient(settings), sessions },
    distDir: tinyDist(),
    log: (line) => logs.push(line),
  });
  const origin = new URL(publicUrl).origin;

  /** A request to Lark Admin with this browser's cookies; same-origin marks on writes, as a browser sends. */
  async function lark(jar: Jar, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await app.request(`${origin}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(jar),
        ...(method === 'GET' ? {} : { origin, 'sec-fetch-site': 'same-origin' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(jar, response);
    return response;
  }

  /** Follows the provider's redirects with its own cookies until it sends the browser back to Lark Admin. */
  async function throughProvider(start: string): Promise<string> {
    const jar: Jar = new Map();
    let location = start;
    for (let hop = 0; hop < 10 && location.startsWith(provider.issuer); hop++) {
      const response = await fetch(location, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
      keep(jar, response);
      location = new URL(response.headers.get('location') ?? '', location).href;
    }
    return location;
  }

  /** The whole sign-in as `account`: the callback's answer, and the browser's cookies after it. */
  async function signIn(account: string, returnTo = '/contacts') {
    const jar: Jar = new Map();
    const login = await lark(jar, 'GET', `/auth/login?return=${encodeURIComponent(returnTo)}`);
    provider.autoSignIn = account;
    const callback = await throughProvider(login.headers.get('location')!);
    const answer = await lark(jar, 'GET', callback.slice(origin.length));
    return { jar, answer, login, callback };
  }

  return { app, provider, settings, sessions, audit, clock, logs, lark, signIn, throughProvider, origin };
}

/** Sign-in for teams against a real OpenID provider (oidc-provider) on loopback. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeReturn } from '../../server/access/auth-routes.ts';
import { IDLE_MS, LIFETIME_MS } from '../../server/access/sessions.ts';
import { SESSION_ENDED } from '../../src/contract/access.ts';
import { CLIENT_ID } from '../support/oidc-provider.ts';
import { startLark, type Jar } from './sign-in-setup.ts';

let lark: Awaited<ReturnType<typeof startLark>>;
beforeEach(async () => {
  lark = await startLark();
});
afterEach(async () => {
  await lark.provider.close();
});

/** The "Sign out of <host> too" link on the signed-out page. */
function providerSignOutIn(page: string, host: string): URL {
  const href = /<a href="([^"]+)">Sign out of ([^<]+) too<\/a>/.exec(page);
  expect(href?.[2]).toBe(host);
  return new URL(href![1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
}

/** Follows the provider's sign-out as a browser does, its form sent; where the provider then sends the browser. */
async function signOutAtProvider(end: URL): Promise<string> {
  const asked = await fetch(end, { redirect: 'manual' });
  expect(asked.status).toBe(200);
  // The provider asks when it has a session in this browser, and otherwise sends its form on by itself.
  const form = await asked.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(form)![1]!;
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)![1]!;
  const cookie = asked.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const confirmed = await fetch(new URL(action, end), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  return confirmed.headers.get('location') ?? `status ${confirmed.status}`;
}

const me = async (jar: Jar) => (await (await lark.lark(jar, 'GET', '/api/me')).json()) as Record<string, unknown>;

describe('without a session', () => {
  it('still serves the built code, which holds no data, so a page whose session ended can say so', async () => {
    const script = await lark.lark(new Map(), 'GET', '/assets/page-Ab12Cd34.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.getSetCookie()).toEqual([]);
    expect((await lark.lark(new Map(), 'GET', '/')).status).toBe(302);
  });

  it('sends a page to the sign-in, and answers the API with a 401 the SPA recognises', async () => {
    const page = await lark.lark(new Map(), 'GET', '/contacts?q=ada');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/auth/login?return=${encodeURIComponent('/contacts?q=ada')}`);
    for (const path of ['/v1/fields', '/api/jobs', '/api/me']) {
      const api = await lark.lark(new Map(), 'GET', path);
      expect(api.status).toBe(401);
      expect(api.headers.get('x-lark-refusal')).toBe('session');
      expect(await api.json()).toEqual({ error: { message: SESSION_ENDED } });
    }
  });
});

describe('signing in', () => {
  it('brings the person back where they were going, signed in with their name and role', async () => {
    const { jar, answer, login } = await lark.signIn('ada', '/contacts?q=x');
    const provider = new URL(login.headers.get('location')!);
    expect(provider.origin).toBe(lark.provider.issuer);
    expect(provider.searchParams.get('code_challenge_method')).toBe('S256');
    expect(provider.searchParams.get('state')).toBeTruthy();
    expect(provider.searchParams.get('nonce')).toBeTruthy();
    expect(provider.searchParams.get('redirect_uri')).toBe('https://lark.example.com/auth/callback');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/contacts?q=x');
    expect(await me(jar)).toEqual({
      id: 'ada',
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
      signIn: 'oidc',
    });
    expect((await lark.lark(jar, 'GET', '/v1/fields')).status).toBe(200);
  });

  it('sets HttpOnly, SameSite=Lax, Secure cookies under https, the session bound to this origin', async () => {
    const { answer, login } = await lark.signIn('ada');
    const [signInCookie] = login.headers.getSetCookie();
    expect(signInCookie).toMatch(/^__Host-lark_sign_in=[^;]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const session = answer.headers.getSetCookie().find((line) => line.startsWith('__Host-lark_session='));
    expect(session).toMatch(/^__Host-lark_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    // Sealed: neither the person nor the role can be read from the cookie.
    expect(session).not.toMatch(/ada|admin/i);
  });

  it('asks the provider nothing once signed in: a page load reads only the session', async () => {
    const { jar } = await lark.signIn('ada');
    const asked = lark.provider.requests.length;
    for (const path of ['/contacts', '/api/me', '/v1/fields', '/v1/tags?page=1&limit=100'])
      await lark.lark(jar, 'GET', path);
    expect(lark.provider.requests.length).toBe(asked);
  });

  it('refuses a person in none of the groups, with a page that says why, and starts no session', async () => {
    const { jar, answer } = await lark.signIn('nobody');
    expect(answer.status).toBe(403);
    const page = await answer.text();
    expect(page).toContain('You signed in as nora@example.com, but you are not in any group that Lark Admin lets in.');
    expect(page).toContain('LARK_ADMINS, LARK_EDITORS and LARK_VIEWERS');
    // Signed in with the wrong account, the way to another is to end the provider's sign-in.
    const end = /<a href="([^"]+)">Sign out of [^<]+ to use another account<\/a>/.exec(page);
    expect(end?.[1]).toContain(`${lark.provider.issuer}/session/end?`);
    expect(end?.[1]).toContain('id_token_hint=');
    expect([...jar.keys()].some((name) => name.includes('lark_session'))).toBe(false);
  });

  it('finishes only the sign-in this browser started: state, and the sealed sign-in cookie, are checked', async () => {
    const first = await lark.signIn('ada');
    // The same callback again (a replayed code), and a callback from another browser (no sign-in cookie).
    const replay = await lark.lark(new Map(), 'GET', first.callback.slice(lark.origin.length));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('began in another browser');

    const jar: Jar = new Map();
    const login = await lark.lark(jar, 'GET', '/auth/login');
    lark.provider.autoSignIn = 'ada';
    const callback = new URL(await lark.throughProvider(login.headers.get('location')!));
    const forgedState = new URL(callback);
    forgedState.searchParams.set('state', 'forged');
    const unknown = await lark.lark(new Map(jar), 'GET', forgedState.pathname + forgedState.search);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Sign-in did not finish');
    // The right state with a code the provider never gave: openid-client's exchange refuses it.
    callback.searchParams.set('code', 'forged');
    const forged = await lark.lark(jar, 'GET', callback.pathname + callback.search);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('could not be checked');
    expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(401);
  });

  it('finishes two sign-ins begun at once in one browser (two tabs), in either order', async () => {
    const jar: Jar = new Map();
    const first = await lark.lark(jar, 'GET', '/auth/login?return=%2Ffields');
    const second = await lark.lark(jar, 'GET', '/auth/login?return=%2Ftags');
    lark.provider.autoSignIn = 'ada';
    const secondBack = await lark.throughProvider(second.headers.get('location')!);
    const firstBack = await lark.throughProvider(first.headers.get('location')!);
    const tags = await lark.lark(jar, 'GET', secondBack.slice(lark.origin.length));
    expect(tags.headers.get('location')).toBe('/tags');
    const fields = await lark.lark(jar, 'GET', firstBack.slice(lark.origin.length));
    expect(fields.headers.get('location')).toBe('/fields');
  });

  it('shows what the provider said when it refuses this browser’s sign-in, and nobody else’s words', async () => {
    const jar: Jar = new Map();
    const login = await lark.lark(jar, 'GET', '/auth/login');
    const state = new URL(login.headers.get('location')!).searchParams.get('state');
    const refusal = `/auth/callback?error=access_denied&error_description=The+user+said+no&state=${state}`;
    const answer = await lark.lark(new Map(jar), 'GET', refusal);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('The identity provider said: The user said no');
    const planted = await lark.lark(jar, 'GET', '/auth/callback?error=x&error_description=Call+555-0100+now');
    expect(await planted.text()).not.toContain('555-0100');
  });

  it('starts a sign-in at the address people use, so its cookie comes back with the callback', async () => {
    const answer = await lark.app.request('http://localhost/auth/login?return=%2Fcontacts');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('https://lark.example.com/auth/login?return=%2Fcontacts');
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('sends a return address only to this site', async () => {
    for (const unsafe of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      '/\t/evil.example/x',
      '/\n/x',
    ]) {
      const { answer } = await lark.signIn('ada', unsafe);
      expect(answer.headers.get('location')).toBe('/');
    }
    expect(safeReturn('/contacts?q=a%20b')).toBe('/contacts?q=a%20b');
    expect(safeReturn('/auth/callback?code=x')).toBe('/');
    expect(safeReturn('/auth/signed-in')).toBe('/auth/signed-in');
  });
});

describe('a session', () => {
  it('refuses a cookie that was altered', async () => {
    const { jar } = await lark.signIn('ada');
    const value = jar.get('__Host-lark_session')!;
    jar.set('__Host-lark_session', value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
    expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(401);
  });

  it('slides for 12 hours of use and ends 7 days after sign-in whatever happens', async () => {
    const { jar } = await lark.signIn('ada');
    const start = lark.clock.now;
    for (let at = start + IDLE_MS - 60_000; at < start + LIFETIME_MS; at += IDLE_MS - 60_000) {
      lark.clock.now = at;
      expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(200);
    }
    lark.clock.now = start + LIFETIME_MS;
    expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(401);
  });

  it('ends after 12 hours without use', async () => {
    const { jar } = await lark.signIn('ada');
    lark.clock.now += IDLE_MS;
    expect((await lark.lark(jar, 'GET', '/v1/fields')).status).toBe(401);
  });

  it('ends on the server at "Sign out": the same cookie, kept elsewhere, no longer works', async () => {
    const { jar } = await lark.signIn('ada');
    const copy: Jar = new Map(jar);
    const out = await lark.lark(jar, 'POST', '/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-lark_session=; Max-Age=0/);
    expect((await lark.lark(copy, 'GET', '/api/me')).status).toBe(401);
    expect((await lark.lark(new Map(), 'GET', '/auth/signed-out')).status).toBe(200);
  });

  it("offers, once, to end the provider's sign-in too, which the provider accepts and returns from", async () => {
    const { jar } = await lark.signIn('ada');
    const out = await lark.lark(jar, 'POST', '/auth/logout');
    const offered = out.headers.getSetCookie().find((line) => line.startsWith('lark_signed_out='));
    expect(offered).toMatch(
      /^lark_signed_out=[^;]+; Max-Age=600; Path=\/auth\/signed-out; HttpOnly; Secure; SameSite=Lax$/,
    );
    const host = new URL(lark.provider.issuer).host;
    const page = await (await lark.lark(jar, 'GET', '/auth/signed-out')).text();
    expect(page).toContain(`You may still be signed in at ${host}`);
    const end = providerSignOutIn(page, host);
    expect(end.origin).toBe(lark.provider.issuer);
    expect(end.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe('https://lark.example.com/auth/signed-out');
    expect(end.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(await (await lark.lark(jar, 'GET', '/auth/signed-out')).text()).not.toContain('Sign out of');

    expect(await signOutAtProvider(end)).toBe('https://lark.example.com/auth/signed-out');
  });

  it('offers no provider sign-out to a browser that was not signed in', async () => {
    const out = await lark.lark(new Map(), 'POST', '/auth/logout');
    expect(out.headers.getSetCookie().some((line) => line.startsWith('lark_signed_out='))).toBe(false);
  });

  it('offers nothing more when the provider has no sign-out for applications', async () => {
    await lark.provider.close();
    lark = await startLark(undefined, {}, { endSession: false });
    const { jar } = await lark.signIn('ada');
    await lark.lark(jar, 'POST', '/auth/logout');
    const page = await (await lark.lark(jar, 'GET', '/auth/signed-out')).text();
    expect(page).toContain('No Lark Admin session is open in this browser.');
    expect(page).not.toContain('Sign out of');
  });

  it('leaves out an ID token too big for an address or a cookie, and the provider still ends its sign-in', async () => {
    lark.provider.people.crowd = {
      name: 'Cora Crowd',
      groups: ['lark-editors', ...Array.from({ length: 300 }, (_, i) => `team-${i}`)],
    };
    const { jar } = await lark.signIn('crowd');
    await lark.lark(jar, 'POST', '/auth/logout');
    const end = providerSignOutIn(
      await (await lark.lark(jar, 'GET', '/auth/signed-out')).text(),
      new URL(lark.provider.issuer).host,
    );
    expect(end.searchParams.has('id_token_hint')).toBe(false);
    expect(await signOutAtProvider(end)).toBe('https://lark.example.com/auth/signed-out');
  });

  it('still refuses cross-site requests, signed in or not', async () => {
    const { jar } = await lark.signIn('ada');
    const contact = { fields: { email_address: 'x@example.com' }, status: 'SUBSCRIBED' };
    const cross = await lark.lark(jar, 'POST', '/v1/contacts', contact, { 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    const otherOrigin = await lark.lark(jar, 'POST', '/v1/contacts', contact, { origin: 'https://evil.example' });
    expect(otherOrigin.status).toBe(403);
    const logout = await lark.lark(jar, 'POST', '/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(logout.status).toBe(403);
    expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(200);
  });
});

describe('roles from the groups claim', () => {
  it('lets an editor change contacts but not fields, and a viewer only read, in words the SPA shows', async () => {
    const contact = { fields: { email_address: 'new@example.com' }, status: 'SUBSCRIBED' };
    const eddie = (await lark.signIn('eddie')).jar;
    expect((await lark.lark(eddie, 'POST', '/v1/contacts', contact)).status).toBe(201);
    const field = await lark.lark(eddie, 'POST', '/v1/fields', { label: 'Plan', merge_tag: 'plan', type: 'TEXT' });
    expect(field.status).toBe(403);
    expect(field.headers.get('x-lark-refusal')).toBe('role');
    expect(await field.json()).toEqual({ error: { message: 'Your role (Editor) cannot change fields or tags.' } });

    const vera = (await lark.signIn('vera')).jar;
    expect((await lark.lark(vera, 'POST', '/v1/contacts/search', {})).status).toBe(200);
    const write = await lark.lark(vera, 'POST', '/v1/contacts', contact);
    expect(write.status).toBe(403);
    expect(await write.json()).toEqual({ error: { message: 'Your role (Viewer) cannot change contacts.' } });
  });

  it('follows the role settings as they are now: a group moved or removed changes a live session', async () => {
    const { jar } = await lark.signIn('eddie');
    const groups = lark.settings.groups as Map<string, string>;
    groups.set('lark-editors', 'viewer');
    expect((await me(jar)).role).toBe('viewer');
    groups.delete('lark-editors');
    const answer = await lark.lark(jar, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    groups.set('lark-editors', 'editor');
    expect((await lark.lark(jar, 'GET', '/api/me')).status).toBe(401);
  });

  it('reads a group given as one string whole, spaces and all', async () => {
    await lark.provider.close();
    lark = await startLark('https://lark.example.com', { LARK_ADMINS: 'Lark Admins', LARK_VIEWERS: 'Admins' });
    lark.provider.people.dee = { name: 'Dee', groups: 'Lark Admins' } as never;
    expect((await me((await lark.signIn('dee')).jar)).role).toBe('admin');
  });

  it('reads a nested claim, and takes the highest role of several groups', async () => {
    await lark.provider.close();
    lark = await startLark('https://lark.example.com', {
      OIDC_ROLE_CLAIM: 'org.teams',
      LARK_EDITORS: 'a',
      LARK_ADMINS: 'b',
    });
    lark.provider.people.kim = { name: 'Kim', org: { teams: ['a', 'b'] } } as never;
    expect((await me((await lark.signIn('kim')).jar)).role).toBe('admin');
  });
});

describe('over plain http on this machine', () => {
  it('leaves Secure off (the browser would drop the cookie) and keeps the plain name', async () => {
    await lark.provider.close();
    lark = await startLark('http://localhost:4173');
    const { answer, jar } = await lark.signIn('ada');
    const session = answer.headers.getSetCookie().find((line) => line.startsWith('lark_session='));
    expect(session).toMatch(/^lark_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await me(jar)).name).toBe('Ada Admin');
  });
});

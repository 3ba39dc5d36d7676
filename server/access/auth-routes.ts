/**
 * /auth: the sign-in (to the provider and back), sign-out, and the pages around them. The
 * sign-in's state, nonce and PKCE verifier travel in a sealed cookie of their own, for ten
 * minutes, so a callback can only finish a sign-in this browser started. It holds the last few
 * begun, so two tabs signing in at once both finish.
 */
import { Hono, type Context } from 'hono';
import { ROLE_NAMES } from '../../src/contract/access.ts';
import { refusal, sameOriginOnly } from '../security.ts';
import type { OidcSettings } from './auth-config.ts';
import { cookieJar, type CookieJar } from './cookies.ts';
import { IDLE_MS, LIFETIME_MS, type Sessions } from './sessions.ts';
import { groupsIn, personFrom, ProviderUnavailable, roleFor, type OidcClient, type SignInState } from './oidc.ts';
import { accessPage, type PageLink } from './pages.ts';
import { createSealer, type Sealer } from './sealed.ts';

const SIGN_IN_SECONDS = 600;
const SIGN_INS_KEPT = 4;
const SIGN_IN: PageLink = { href: '/auth/login', text: 'Sign in' };

const HERE = 'https://lark-admin.invalid';

/**
 * Only a path on this site: a return address can never send the person elsewhere. It is read as
 * a browser reads it (which drops tabs and line breaks, and takes a backslash for a slash), and
 * only its path and query are kept.
 */
export function safeReturn(value: string | undefined): string {
  if (!value || value.length > 2000 || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE) return '/';
  const path = url.pathname + url.search;
  return path.startsWith('/auth/') && path !== '/auth/signed-in' ? '/' : path;
}

interface AuthRoutesOptions {
  settings: OidcSettings;
  oidc: OidcClient;
  sessions: Sessions;
  sessionSealer: Sealer;
  sessionJar: CookieJar;
  log: (line: string) => void;
}

export function authRoutes(options: AuthRoutesOptions): Hono {
  const { settings, oidc, sessions, sessionSealer, sessionJar, log } = options;
  const secure = settings.publicUrl.protocol === 'https:';
  const signInSealer = createSealer(settings.sessionSecret, 'sign-in');
  const signInJar = cookieJar('lark_sign_in', secure);
  const signedOutSealer = createSealer(settings.sessionSecret, 'signed-out');
  const signedOutJar = cookieJar('lark_signed_out', secure, '/auth/signed-out');
  const providerHost = settings.issuer.host;
  const page = (c: Context, status: 200 | 400 | 403 | 502, title: string, lines: string[], links = [SIGN_IN]) =>
    c.html(accessPage(title, lines, links), status);
  /** The sign-ins this browser has begun and not finished. */
  const pending = async (c: Context) =>
    (((await signInSealer.open(signInJar.get(c)))?.begun as SignInState[] | undefined) ?? []).filter(
      (one) => typeof one?.state === 'string',
    );
  const routes = new Hono();

  routes.get('/login', async (c) => {
    // The sign-in's cookie must be set on the address the provider sends the person back to. Behind
    // a proxy (which may rewrite Host) the browser is at that address already.
    const asked = new URL(c.req.url);
    if (asked.host !== settings.publicUrl.host && c.req.header('x-forwarded-for') === undefined)
      return c.redirect(new URL(asked.pathname + asked.search, settings.publicUrl).href);
    try {
      const { url, state } = await oidc.start(safeReturn(c.req.query('return')));
      const begun = [...(await pending(c)).slice(1 - SIGN_INS_KEPT), state];
      signInJar.set(c, await signInSealer.seal({ begun }, SIGN_IN_SECONDS), SIGN_IN_SECONDS);
      return c.redirect(url.href);
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      log(`sign-in: ${error.message}`);
      return page(c, 502, 'Sign-in is unavailable', [error.message, 'Try again in a moment.']);
    }
  });

  routes.get('/callback', async (c) => {
    const begun = await pending(c);
    const started = begun.find((one) => one.state === c.req.query('state')) ?? null;
    const others = begun.filter((one) => one !== started);
    if (others.length > 0)
      signInJar.set(c, await signInSealer.seal({ begun: others }, SIGN_IN_SECONDS), SIGN_IN_SECONDS);
    else signInJar.clear(c);
    const problem = c.req.query('error');
    if (problem !== undefined) {
      // Only the provider's answer to this browser's own sign-in is repeated: anyone can write a link.
      const ours = started !== null;
      const said = (c.req.query('error_description') ?? problem).slice(0, 300);
      return page(c, 400, 'Sign-in did not finish', [
        ours ? `The identity provider said: ${said}` : 'The identity provider did not sign you in.',
      ]);
    }
    if (!started)
      return page(c, 400, 'Sign-in did not finish', [
        'The sign-in took longer than ten minutes, was already finished, or began in another browser.',
      ]);
    let claims, idToken;
    try {
      ({ claims, idToken } = await oidc.finish(new URL(c.req.url).search, started));
    } catch (error) {
      log(`sign-in refused: ${(error as Error).message}`);
      return page(c, 400, 'Sign-in did not finish', [
        'The answer from the identity provider could not be checked, so nobody was signed in.',
      ]);
    }
    const groups = groupsIn(claims, settings.roleClaim);
    const role = roleFor(groups, settings.groups);
    const who = personFrom(claims);
    if (role === null) {
      log(`sign-in: ${who.id} is in none of Lark Admin's groups`);
      // Signed in at the provider with another account than meant, the way out is to end that sign-in.
      const end = await oidc.endSessionUrl(idToken);
      return page(
        c,
        403,
        'No access to Lark Admin',
        [
          `You signed in as ${who.email ?? who.name}, but you are not in any group that Lark Admin lets in.`,
          `Lark Admin reads your groups from the “${settings.roleClaim}” claim and lets in the groups named in LARK_ADMINS, LARK_EDITORS and LARK_VIEWERS. Ask whoever runs Lark Admin to add you to one of them.`,
        ],
        end ? [{ href: end.href, text: `Sign out of ${providerHost} to use another account` }] : [],
      );
    }
    const id = sessions.start(who, groups, idToken);
    sessionJar.set(c, await sessionSealer.seal({ sid: id }, LIFETIME_MS / 1000), IDLE_MS / 1000);
    log(`sign-in: ${who.id} as ${ROLE_NAMES[role]}`);
    return c.redirect(started.returnTo);
  });

  routes.post('/logout', sameOriginOnly, async (c) => {
    const payload = await sessionSealer.open(sessionJar.get(c));
    const idToken = typeof payload?.sid === 'string' ? sessions.end(payload.sid) : null;
    sessionJar.clear(c);
    // The provider's sign-in outlives ours, so the next person here would go straight through as
    // this one: the signed-out page offers, once, to end it too.
    const end = payload && (await oidc.endSessionUrl(idToken));
    if (end) signedOutJar.set(c, await signedOutSealer.seal({ url: end.href }, SIGN_IN_SECONDS), SIGN_IN_SECONDS);
    return c.json({ data: 'Signed out.' });
  });

  routes.get('/signed-out', async (c) => {
    const url = (await signedOutSealer.open(signedOutJar.get(c)))?.url;
    const ended = 'No Lark Admin session is open in this browser.';
    if (typeof url !== 'string') return page(c, 200, 'You signed out', [ended]);
    signedOutJar.clear(c);
    return page(
      c,
      200,
      'You signed out',
      [
        ended,
        `You may still be signed in at ${providerHost}, and then signing in to Lark Admin again on this computer goes straight through as you. If others use this computer, sign out there too (it may sign you out of other applications that use it).`,
      ],
      [{ href: url, text: `Sign out of ${providerHost} too` }, SIGN_IN],
    );
  });

  routes.get('/signed-in', (c) =>
    page(
      c,
      200,
      'You are signed in again',
      ['Go back to the tab you were working in and save again: what you typed is still there.'],
      [],
    ),
  );

  routes.all('*', (c) => refusal(c, 404, 'There is no such page.'));
  return routes;
}

/**
 * Who is asking: every request but the sign-in's own passes here first. With OIDC it is the
 * person of a live session (a page without one goes to the sign-in, an API call gets a 401 the
 * SPA recognises); with ADMIN_PASSWORD it is the one who knows it; with neither (loopback only)
 * it is whoever sits at this computer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { REFUSAL_HEADER, SESSION_ENDED, type Role, type SignIn } from '../../src/contract/access.ts';
import { isApiPath, refusal } from '../security.ts';
import type { CookieJar } from './cookies.ts';
import type { Sealer } from './sealed.ts';
import { type Person, type Sessions } from './sessions.ts';

declare module 'hono' {
  interface ContextVariableMap {
    person: Person;
    signIn: SignIn;
  }
}

export const PERSON_AT_THIS_COMPUTER: Person = {
  id: 'local',
  name: 'Someone at this computer',
  email: null,
  role: 'admin',
};
export const PERSON_WITH_PASSWORD: Person = {
  id: 'password',
  name: 'Admin (shared password)',
  email: null,
  role: 'admin',
};

export interface SessionAccess {
  sessions: Sessions;
  sealer: Sealer;
  jar: CookieJar;
  /** The role the groups give under today's settings, or null when they no longer let the person in. */
  roleOf: (groups: readonly string[]) => Role | null;
}

/** Where a page without a session is sent: the sign-in, which brings the person back here. */
const signInAddress = (c: Context) => {
  const url = new URL(c.req.url);
  return `/auth/login?return=${encodeURIComponent(url.pathname + url.search)}`;
};

export function sessionIdentity({ sessions, sealer, jar, roleOf }: SessionAccess): MiddlewareHandler {
  return async (c, next) => {
    const sealed = jar.get(c);
    const payload = await sealer.open(sealed);
    let session = typeof payload?.sid === 'string' ? sessions.use(payload.sid) : null;
    const role = session && roleOf(session.groups);
    if (session && !role) {
      sessions.endAllOf(session.person.id);
      session = null;
    }
    if (!session || !role) {
      if (sealed !== undefined) jar.clear(c);
      if (!isApiPath(c.req.path) && (c.req.method === 'GET' || c.req.method === 'HEAD'))
        return c.redirect(signInAddress(c));
      c.header(REFUSAL_HEADER, 'session');
      return refusal(c, 401, SESSION_ENDED);
    }
    if (session.renewFor !== null) jar.set(c, sealed!, session.renewFor);
    c.set('person', { ...session.person, role });
    c.set('signIn', 'oidc');
    return next();
  };
}

/** The simple modes: everyone who passed the password check (or, on loopback, everyone) is the admin. */
export const fixedIdentity =
  (person: Person, signIn: SignIn): MiddlewareHandler =>
  async (c, next) => {
    c.set('person', person);
    c.set('signIn', signIn);
    return next();
  };

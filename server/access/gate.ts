/**
 * The way in, by how Lark Admin is configured: each person through the company's identity
 * provider (with /auth for the sign-in), one shared password, or (on loopback only) nobody asked.
 * Whichever it is, every request past it knows its person, and so its role.
 */
import type { Hono } from 'hono';
import { clientAddress, passwordCheck } from '../security.ts';
import type { OidcSettings } from './auth-config.ts';
import { authRoutes } from './auth-routes.ts';
import { cookieJar } from './cookies.ts';
import { fixedIdentity, PERSON_AT_THIS_COMPUTER, PERSON_WITH_PASSWORD, sessionIdentity } from './identity.ts';
import { roleFor, type OidcClient } from './oidc.ts';
import { createSealer } from './sealed.ts';
import type { Person, Sessions } from './sessions.ts';

export type Access =
  /** `person`: who sits at this computer; an admin unless tests say otherwise. */
  | { signIn: 'open'; person?: Person }
  | { signIn: 'password'; password: string }
  | { signIn: 'oidc'; settings: OidcSettings; oidc: OidcClient; sessions: Sessions };

interface GateOptions {
  trustProxy: boolean;
  log: (line: string) => void;
}

/** Installs the way in on `app`, before any route that needs a person. */
export function installGate(app: Hono, access: Access, { trustProxy, log }: GateOptions) {
  if (access.signIn === 'oidc') {
    const secure = access.settings.publicUrl.protocol === 'https:';
    const sessionSealer = createSealer(access.settings.sessionSecret, 'session');
    const sessionJar = cookieJar('lark_session', secure);
    app.route('/auth', authRoutes({ ...access, sessionSealer, sessionJar, log }));
    const roleOf = (groups: readonly string[]) => roleFor(groups, access.settings.groups);
    app.use(sessionIdentity({ sessions: access.sessions, sealer: sessionSealer, jar: sessionJar, roleOf }));
  } else if (access.signIn === 'password') {
    app.use(passwordCheck(access.password, { address: (c) => clientAddress(c, trustProxy), log }));
    app.use(fixedIdentity(PERSON_WITH_PASSWORD, 'password'));
  } else {
    app.use(fixedIdentity(access.person ?? PERSON_AT_THIS_COMPUTER, 'open'));
  }
}

/** The sign-in settings for teams (OpenID Connect), read and checked with the rest of the configuration. */
import type { Role } from '../../src/contract/access.ts';
import { ConfigError, optional, secureAddress } from '../config-values.ts';

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The address people use; the callback is PUBLIC_URL + /auth/callback. */
  publicUrl: URL;
  sessionSecret: string;
  scopes: string;
  /** OIDC_ROLE_CLAIM: a claim of the ID token, dots for a nested one (realm_access.roles). */
  roleClaim: string;
  /** Group name → role, from LARK_ADMINS, LARK_EDITORS and LARK_VIEWERS. */
  groups: ReadonlyMap<string, Role>;
}

const SESSION_SECRET_MIN_LENGTH = 32;
const OIDC_NAMES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** Why the sign-in's addresses are held to https and to an address alone. */
const SIGN_IN_WORDS = {
  inClear: 'so sign-ins never travel in the clear',
  noCredentials: 'the client id and secret have settings of their own',
  alone: 'a plain address',
};

function groupList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
}

/** null when no OIDC setting is given: the shared password, or open on loopback. */
export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | null {
  const given = OIDC_NAMES.filter((name) => env[name] !== undefined);
  if (given.length === 0) return null;
  const missing = OIDC_NAMES.filter((name) => !given.includes(name));
  if (missing.length > 0)
    throw new ConfigError(
      `Sign-in with OpenID Connect needs ${OIDC_NAMES.join(', ')}; ${missing.join(' and ')} missing.`,
    );
  const issuer = secureAddress('OIDC_ISSUER', env.OIDC_ISSUER!.trim(), {
    ...SIGN_IN_WORDS,
    example: 'https://login.example.com',
  });
  const clientId = optional(env, 'OIDC_CLIENT_ID', 'give the client id the provider issued')!;
  const clientSecret = optional(env, 'OIDC_CLIENT_SECRET', "give the client's secret")!;

  const rawPublic = optional(env, 'PUBLIC_URL', 'give the address people use, such as https://lark.example.com');
  if (rawPublic === null)
    throw new ConfigError(
      'PUBLIC_URL must be set with OIDC: the address people use (the callback is PUBLIC_URL/auth/callback).',
    );
  const publicUrl = secureAddress('PUBLIC_URL', rawPublic.replace(/\/+$/, ''), {
    ...SIGN_IN_WORDS,
    example: 'https://lark.example.com',
  });
  if (publicUrl.pathname !== '/')
    throw new ConfigError('PUBLIC_URL must be the origin Lark Admin is served at, without a path.');

  const sessionSecret = env.SESSION_SECRET ?? '';
  if ([...sessionSecret].length < SESSION_SECRET_MIN_LENGTH)
    throw new ConfigError(
      `SESSION_SECRET must be at least ${SESSION_SECRET_MIN_LENGTH} characters with OIDC (for example the output of \`openssl rand -base64 32\`).`,
    );
  if (env.ADMIN_PASSWORD !== undefined)
    throw new ConfigError(
      'Set either OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD (one shared password), not both.',
    );

  const groups = new Map<string, Role>();
  // The highest role wins: a group named twice maps to the more capable role.
  for (const [name, role] of [
    ['LARK_VIEWERS', 'viewer'],
    ['LARK_EDITORS', 'editor'],
    ['LARK_ADMINS', 'admin'],
  ] as const)
    for (const group of groupList(env, name)) groups.set(group, role);
  if (groups.size === 0)
    throw new ConfigError(
      'With OIDC, name at least one group in LARK_ADMINS, LARK_EDITORS or LARK_VIEWERS, or nobody can get in.',
    );

  const roleClaim = (env.OIDC_ROLE_CLAIM ?? 'groups').trim();
  if (!/^[\w:/.-]+$/.test(roleClaim))
    throw new ConfigError(`OIDC_ROLE_CLAIM must be a claim name such as groups, not "${roleClaim}".`);
  const scopes = (env.OIDC_SCOPES ?? 'openid profile email').trim();
  if (!scopes.split(/\s+/).includes('openid')) throw new ConfigError('OIDC_SCOPES must include openid.');

  return { issuer, clientId, clientSecret, publicUrl, sessionSecret, scopes, roleClaim, groups };
}

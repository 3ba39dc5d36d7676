/** The sign-in settings for teams: what is needed together, and what is refused before anything starts. */
import { describe, expect, it } from 'vitest';
import { ConfigError, hostNamesFor, readConfig } from '../../server/config.ts';

const OIDC = {
  OIDC_ISSUER: 'https://login.example.com/realms/acme',
  OIDC_CLIENT_ID: 'lark-admin',
  OIDC_CLIENT_SECRET: 'client secret',
  PUBLIC_URL: 'https://lark.example.com/',
  SESSION_SECRET: 'x'.repeat(32),
  LARK_ADMINS: 'it-admins',
  LARK_EDITORS: 'marketing, sales',
  LARK_VIEWERS: 'everyone',
};

describe('sign-in settings', () => {
  it('reads the provider, the address, the claim and the groups of each role', () => {
    const config = readConfig({ ...OIDC, HOST: '0.0.0.0', OIDC_ROLE_CLAIM: 'realm_access.roles' });
    const oidc = config.oidc!;
    expect(oidc.issuer.href).toBe('https://login.example.com/realms/acme');
    expect(oidc.publicUrl.origin).toBe('https://lark.example.com');
    expect(oidc.roleClaim).toBe('realm_access.roles');
    expect(oidc.scopes).toBe('openid profile email');
    expect([...oidc.groups]).toEqual([
      ['everyone', 'viewer'],
      ['marketing', 'editor'],
      ['sales', 'editor'],
      ['it-admins', 'admin'],
    ]);
    // Nobody needs ADMIN_PASSWORD to open the server to the network: each person signs in.
    expect(config.adminPassword).toBeNull();
    expect(hostNamesFor(config).has('lark.example.com')).toBe(true);
  });

  it('defaults the role claim to groups', () => {
    expect(readConfig(OIDC).oidc!.roleClaim).toBe('groups');
  });

  it.each([
    [
      { OIDC_CLIENT_SECRET: undefined },
      'Sign-in with OpenID Connect needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; OIDC_CLIENT_SECRET missing.',
    ],
    [
      { SESSION_SECRET: undefined },
      'SESSION_SECRET must be at least 32 characters with OIDC (for example the output of `openssl rand -base64 32`).',
    ],
    [
      { SESSION_SECRET: 'short' },
      'SESSION_SECRET must be at least 32 characters with OIDC (for example the output of `openssl rand -base64 32`).',
    ],
    [
      { OIDC_ISSUER: 'http://login.example.com' },
      'OIDC_ISSUER must use https:// (plain http:// only on this machine), so sign-ins never travel in the clear.',
    ],
    [
      { OIDC_ISSUER: 'https://admin:hunter2@login.example.com?x' },
      'OIDC_ISSUER must not carry a user name or password; the client id and secret have settings of their own.',
    ],
    [
      { OIDC_ISSUER: 'login@example' },
      'OIDC_ISSUER must be a URL such as https://login.example.com, not the value given (not shown: it holds an @).',
    ],
    [
      { PUBLIC_URL: undefined },
      'PUBLIC_URL must be set with OIDC: the address people use (the callback is PUBLIC_URL/auth/callback).',
    ],
    [
      { PUBLIC_URL: 'https://example.com/lark' },
      'PUBLIC_URL must be the origin Lark Admin is served at, without a path.',
    ],
    [
      { PUBLIC_URL: 'http://lark.example.com' },
      'PUBLIC_URL must use https:// (plain http:// only on this machine), so sign-ins never travel in the clear.',
    ],
    [
      { LARK_ADMINS: undefined, LARK_EDITORS: undefined, LARK_VIEWERS: ' , ' },
      'With OIDC, name at least one group in LARK_ADMINS, LARK_EDITORS or LARK_VIEWERS, or nobody can get in.',
    ],
    [
      { ADMIN_PASSWORD: 'a long passphrase' },
      'Set either OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD (one shared password), not both.',
    ],
    [{ OIDC_SCOPES: 'profile email' }, 'OIDC_SCOPES must include openid.'],
    [{ AUDIT_RETENTION_DAYS: '0' }, 'AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "0".'],
  ])('refuses %o in one clear sentence', (change, message) => {
    const env: NodeJS.ProcessEnv = { ...OIDC, ...change };
    for (const [name, value] of Object.entries(change)) if (value === undefined) delete env[name];
    expect(() => readConfig(env)).toThrow(new ConfigError(message));
  });

  it('allows a provider and an address on this machine over plain http (the tests run one)', () => {
    const config = readConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:9000', PUBLIC_URL: 'http://localhost:4173' });
    expect(config.oidc!.issuer.origin).toBe('http://127.0.0.1:9000');
  });
});

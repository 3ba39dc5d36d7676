/**
 * Sign-in through the company's OpenID provider with openid-client: the authorization code flow
 * with PKCE, state and nonce, each checked on the way back. The provider is asked for its
 * configuration on the first sign-in (not at start, so a provider that is briefly away does not
 * stop the server), and is never asked anything after a sign-in: a page load reads the session.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as client from 'openid-client';
import { ROLES, type Role } from '../../src/contract/access.ts';
import { isLoopback } from '../config-values.ts';
import type { OidcSettings } from './auth-config.ts';
import type { SignedIn } from './sessions.ts';

/** What the browser carries (sealed) from the start of a sign-in to its callback. */
export interface SignInState {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export type Claims = Record<string, unknown>;

export class ProviderUnavailable extends Error {}

const callbackUrl = (settings: OidcSettings) => new URL('/auth/callback', settings.publicUrl);
const DISCOVERY_AT_SIGN_OUT_MS = 2000;
/** Sealed, an address this long still fits a browser's 4 kB cookie. */
const MAX_URL = 2500;
const delay = (ms: number) => sleep(ms, null, { ref: false });

export function createOidcClient(settings: OidcSettings) {
  let configuration: Promise<client.Configuration> | null = null;
  const discover = () => {
    configuration ??= client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        timeout: 10,
        // Plain http only for a provider on this machine (the tests'); the settings refuse it elsewhere.
        ...(isLoopback(settings.issuer.hostname) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = null;
        throw new ProviderUnavailable(
          `The identity provider at ${settings.issuer.origin} could not be reached (${(error as Error).message}).`,
        );
      });
    return configuration;
  };

  return {
    async start(returnTo: string): Promise<{ url: URL; state: SignInState }> {
      const config = await discover();
      const state: SignInState = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl(settings).href,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
        code_challenge_method: 'S256',
        state: state.state,
        nonce: state.nonce,
      });
      return { url, state };
    },

    /** The ID token and its claims, once the code, state, nonce and PKCE verifier all check out. */
    async finish(search: string, started: SignInState): Promise<{ claims: Claims; idToken: string | null }> {
      const config = await discover();
      const current = new URL(callbackUrl(settings));
      current.search = search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      return { claims: tokens.claims() as Claims, idToken: tokens.id_token ?? null };
    },

    /**
     * Where the browser goes to end its sign-in at the provider too, and then comes back to the
     * signed-out page; null when the provider offers no such end, or cannot be reached within a
     * moment (signing out never waits long on it).
     */
    async endSessionUrl(idToken: string | null): Promise<URL | null> {
      const config = await Promise.race([discover().catch(() => null), delay(DISCOVERY_AT_SIGN_OUT_MS)]);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      const post_logout_redirect_uri = new URL('/auth/signed-out', settings.publicUrl).href;
      const hinted = idToken && client.buildEndSessionUrl(config, { post_logout_redirect_uri, id_token_hint: idToken });
      // An ID token fat with groups would pass what proxies take in an address (and a cookie can hold).
      return hinted && hinted.href.length <= MAX_URL
        ? hinted
        : client.buildEndSessionUrl(config, { post_logout_redirect_uri });
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** The claim at a dotted path (realm_access.roles), as a list of group names. */
export function groupsIn(claims: Claims, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  // A single group as a string is one name, whole: a directory's names hold commas and spaces.
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The highest role any of the groups maps to, or null when none does. */
export function roleFor(groups: readonly string[], map: OidcSettings['groups']): Role | null {
  const roles = groups.map((group) => map.get(group)).filter((role): role is Role => role !== undefined);
  return roles.length === 0 ? null : roles.reduce((a, b) => (ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b));
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null);

/** Who signed in, from the ID token: a name a colleague recognises, falling back to the address. */
export function personFrom(claims: Claims): SignedIn {
  const email = text(claims.email);
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const name = text(claims.name) ?? (given || null) ?? text(claims.preferred_username) ?? email ?? String(claims.sub);
  return { id: String(claims.sub), name, email };
}

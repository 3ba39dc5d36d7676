/**
 * A real OpenID provider (the oidc-provider package) on loopback, for the sign-in tests. Its
 * people are the test's; its sign-in page is one form ("Account", "Sign in"), or, with
 * `autoSignIn`, no page at all: the provider signs that account in and consents for it. Its
 * sign-out (RP-initiated logout) asks once ("Sign out") and returns to the Lark Admin that sent it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface TestPerson {
  name?: string;
  email?: string;
  groups?: string[];
}

export const CLIENT_ID = 'lark-admin';
export const CLIENT_SECRET = 'a client secret only the tests know';

export interface TestProvider {
  issuer: string;
  /** Who can sign in, by account id; a test may change it at any time. */
  people: Record<string, TestPerson>;
  /** Signs this account in without showing the form (for fetch-driven tests). */
  autoSignIn: string | null;
  /** Every path the provider was asked for, in order: the tests check a page load asks nothing. */
  requests: string[];
  close(): Promise<void>;
}

type Payload = Record<string, unknown>;

/** The provider's records (codes, grants, sessions) in a Map of this provider's own. */
function memoryAdapter() {
  const records = new Map<string, Payload>();
  return class {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }
    key = (id: string) => `${this.model}:${id}`;
    async upsert(id: string, payload: Payload) {
      records.set(this.key(id), payload);
    }
    async find(id: string) {
      return records.get(this.key(id));
    }
    async findByUid(uid: string) {
      return [...records.values()].find((payload) => payload.uid === uid);
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const payload = records.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      records.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, payload] of records) if (payload.grantId === grantId) records.delete(key);
    }
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

/**
 * `redirectUris`: the callbacks of the Lark Admins that will sign in here. `endSession: false`
 * makes a provider that offers applications no sign-out of its own.
 */
export async function startTestProvider(redirectUris: string[], { endSession = true } = {}): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' };

  const state: TestProvider = {
    issuer,
    people: {},
    autoSignIn: null,
    requests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((uri) => uri.replace(/\/auth\/callback$/, '/auth/signed-out')),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    adapter: memoryAdapter(),
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups', 'org'] },
    // The claims the scopes ask for go into the ID token, which is all Lark Admin reads.
    conformIdTokenClaims: false,
    cookies: { keys: ['cookie key for tests only'] },
    // Set, so the provider does not print a notice for each default it would use.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Grant: 3600, Interaction: 600, Session: 86_400 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: endSession,
        // The provider's own question before it ends its session: `form` carries its xsrf token.
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><title>Test provider</title><h1>Sign out of the test provider?</h1>${form}
<button form="op.logoutForm" name="logout" value="yes">Sign out</button>`;
        },
      },
    },
    interactions: { url: (_, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_, id) =>
      state.people[id] ? { accountId: id, claims: () => ({ sub: id, ...state.people[id] }) } : undefined,
  });

  async function finish(req: IncomingMessage, res: ServerResponse, accountId: string) {
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(`${req.method} ${req.url?.split('?')[0]}`);
    const interaction = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!interaction) return void handle(req, res);
    void (async () => {
      if (req.method === 'POST') return finish(req, res, (await formBody(req)).get('account') ?? '');
      if (state.autoSignIn) return finish(req, res, state.autoSignIn);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>Test provider</title><h1>Sign in to the test provider</h1>
<form method="post" action="/interaction/${escape(interaction[1]!)}">
<label>Account <input name="account" autocomplete="username"></label><button>Sign in</button></form>`);
    })().catch((error: Error) => {
      res.statusCode = 500;
      res.end(error.message);
    });
  });
  return state;
}

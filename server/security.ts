/** Checks every request passes before it reaches the API or the files. */
import { timingSafeEqual, createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIPv6 } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { REFUSAL_HEADER } from '../src/contract/access.ts';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A refusal in the API's envelope under /v1 and /api, as plain text elsewhere. */
/** The API's own paths: Lark Admin's /api and the gateway's /v1. */
export const isApiPath = (path: string) => path === '/v1' || path.startsWith('/v1/') || path.startsWith('/api/');

export function refusal(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
  message: string,
): Response {
  return isApiPath(c.req.path) ? c.json({ error: { message } }, status) : c.text(message, status);
}

/** A role's refusal, marked as Lark Admin's own (not CampaignLark's), which the SPA reads. */
export function roleRefusal(c: Context, message: string): Response {
  c.header(REFUSAL_HEADER, 'role');
  return refusal(c, 403, message);
}

/** `hsts`: the server speaks HTTPS itself, so browsers are told to use nothing else. */
export const securityHeaders =
  (hsts: boolean): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (hsts) headers.set('Strict-Transport-Security', 'max-age=31536000');
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };

/** Refuses a Host this server does not answer to: the mark of DNS rebinding. */
export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    // The Node adapter builds the request URL from the Host header.
    const name = new URL(c.req.url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (!allowed.has(name)) {
      return refusal(c, 403, 'This server does not answer to that host name.');
    }
    return next();
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The address a request came from: the socket's, or with a trusted TLS proxy in front, the one it saw. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket: a request handed to the app in-process (tests, Vite's dev server).
    return 'unknown';
  }
}

const LOGIN_WINDOW_MS = 60_000;
const LOGIN_FAILURES_ALLOWED = 10;
/**
 * Failures from all addresses together in a minute, beyond which every login waits: one who
 * holds many addresses (an IPv6 range, a forged X-Forwarded-For) still guesses slowly.
 */
const LOGIN_FAILURES_ALLOWED_IN_ALL = 100;
/** Addresses remembered at once; the oldest is forgotten first, so memory stays bounded. */
const LOGIN_ADDRESSES_KEPT = 10_000;

/** Who a failure is counted against: an IPv4 address, or an IPv6 /64 (what one household or server gets). */
function guesserOf(address: string): string {
  const text = address.slice(0, 64).toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!isIPv6(text)) return text;
  const [head = '', tail = ''] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = text.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

interface PasswordCheckOptions {
  address: (c: Context) => string;
  log: (line: string) => void;
  now?: () => number;
}

/**
 * HTTP Basic with one shared password (any user name), compared in constant time. After 10
 * failures from one address (or IPv6 /64) within a minute, or 100 from all together, logins are
 * refused with 429 until the oldest failure is a minute old, whatever is sent: guessing goes at
 * a few a minute, not thousands a second. The right password clears its address's failures.
 */
export function passwordCheck(
  password: string,
  { address, log, now = Date.now }: PasswordCheckOptions,
): MiddlewareHandler {
  const expected = digest(password);
  const failures = new Map<string, number[]>();
  let everyone: number[] = [];
  const wait = (oldest: number, time: number) =>
    String(Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - time) / 1000)));
  return async (c, next) => {
    const from = address(c);
    const guesser = guesserOf(from);
    const time = now();
    const recent = (failures.get(guesser) ?? []).filter((at) => time - at < LOGIN_WINDOW_MS);
    everyone = everyone.filter((at) => time - at < LOGIN_WINDOW_MS);
    if (recent.length >= LOGIN_FAILURES_ALLOWED || everyone.length >= LOGIN_FAILURES_ALLOWED_IN_ALL) {
      c.header('Retry-After', wait(recent.length >= LOGIN_FAILURES_ALLOWED ? recent[0]! : everyone[0]!, time));
      return refusal(c, 429, 'Too many wrong passwords. Wait a minute, then try again.');
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
    const given = decoded.slice(decoded.indexOf(':') + 1);
    if (match && decoded.includes(':') && timingSafeEqual(digest(given), expected)) {
      failures.delete(guesser);
      return next();
    }
    // A request with no password at all is a browser asking; only a wrong one counts as a guess.
    if (header !== '') {
      failures.delete(guesser);
      failures.set(guesser, [...recent, time]);
      if (failures.size > LOGIN_ADDRESSES_KEPT) failures.delete(failures.keys().next().value!);
      everyone.push(time);
      log(`login failed from ${from.slice(0, 64)}`);
    }
    c.header('WWW-Authenticate', 'Basic realm="Lark Admin", charset="UTF-8"');
    return refusal(c, 401, 'Lark Admin needs its password.');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A request carries a body when it says so: a length above zero, or a chunked stream. */
const hasBody = (c: Context) =>
  Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;

/**
 * /v1 and /api answer only Lark Admin's own pages. A browser marks a request another site made
 * (Sec-Fetch-Site, Origin), so no website can make a signed-in browser read through the key or
 * spend its rate limit; requests without those marks (curl, scripts) pass as before. A body
 * must be JSON: a cross-site form can send neither JSON nor a matching Origin.
 */
export const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  // A change must say it came from this origin when the browser says anything ("none" is a typed address).
  if (site === 'cross-site' || site === 'same-site' || (site === 'none' && !SAFE_METHODS.has(c.req.method))) {
    return refusal(c, 403, 'Lark Admin answers only its own pages (this request came from another site).');
  }
  if (origin !== undefined && hostOfOrigin(origin) !== new URL(c.req.url).host.toLowerCase()) {
    return refusal(c, 403, 'Lark Admin answers only its own pages (this request came from another origin).');
  }
  const type = c.req.header('content-type') ?? '';
  if (hasBody(c) && !/^application\/json\s*(?:;|$)/i.test(type)) {
    return refusal(c, 415, 'Changes must be sent as JSON (Content-Type: application/json).');
  }
  return next();
};

function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

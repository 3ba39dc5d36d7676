/** Checks every request passes before it reaches the API or the files. */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

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
export function refusal(c: Context, status: 401 | 403 | 404 | 413 | 415, message: string): Response {
  const path = c.req.path;
  if (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/api/')) {
    return c.json({ error: { message } }, status);
  }
  return c.text(message, status);
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
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

/** HTTP Basic with one shared password (any user name), compared in constant time. */
export function passwordCheck(password: string): MiddlewareHandler {
  const expected = digest(password);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
    const given = decoded.slice(decoded.indexOf(':') + 1);
    if (match && decoded.includes(':') && timingSafeEqual(digest(given), expected)) return next();
    c.header('WWW-Authenticate', 'Basic realm="Lark Admin", charset="UTF-8"');
    return refusal(c, 401, 'Lark Admin needs its password.');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes must come from this origin and be JSON. A cross-site form can send neither a JSON
 * content type nor a matching Origin, so it changes nothing.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (site !== undefined && site !== 'same-origin') {
    return refusal(c, 403, 'Changes are accepted only from Lark Admin itself (this request came from another site).');
  }
  if (origin !== undefined && hostOfOrigin(origin) !== new URL(c.req.url).host.toLowerCase()) {
    return refusal(c, 403, 'Changes are accepted only from Lark Admin itself (this request came from another origin).');
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(type)) {
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

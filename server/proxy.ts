/**
 * Live mode: forwards the contract's routes to CampaignLark with the workspace's key. Only a
 * short list of headers crosses in either direction, so the browser's own credentials never
 * leave this server and nothing CampaignLark sets reaches the browser unasked.
 */
import type { Context } from 'hono';
import { forwardedPath, type ApiRoute } from './routes.ts';

export interface ProxyOptions {
  apiUrl: string;
  apiKey: string;
  /** How long CampaignLark may stay silent before the admin is told: 20 s. */
  timeoutMs?: number;
  log: (line: string) => void;
}

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language'];
const RETURNED_RESPONSE_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/** Nothing CampaignLark sends is larger; beyond it an answer is refused, after decompression. */
const MAX_ANSWER_BYTES = 10 * 1024 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

const failure = (status: 502 | 504, message: string) =>
  Response.json({ error: { message } }, { status, headers: { 'Cache-Control': 'no-store' } });

/** The network error's own code (ECONNREFUSED, ENOTFOUND...), which says more than "fetch failed". */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function createProxy(options: ProxyOptions) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const seconds = Math.round(timeoutMs / 100) / 10;

  return (route: ApiRoute) =>
    async (c: Context): Promise<Response> => {
      const url = new URL(c.req.url);
      const target = options.apiUrl + forwardedPath(route, c.req.param('id'), (name) => c.req.query(name));
      const headers = new Headers({ Authorization: `Bearer ${options.apiKey}`, 'User-Agent': 'LarkAdmin' });
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value !== undefined) headers.set(name, value);
      }
      const method = c.req.method;
      const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
      const signal = AbortSignal.timeout(timeoutMs);

      let upstream: Response;
      let payload: Uint8Array | 'too large';
      try {
        upstream = await fetch(target, { method, headers, body, signal, redirect: 'manual' });
        payload = await readCapped(upstream);
      } catch (error) {
        if (signal.aborted) {
          options.log(`upstream timeout: ${method} ${url.pathname} after ${seconds}s`);
          return failure(
            504,
            `CampaignLark did not answer within ${seconds} seconds. Nothing is known to have changed; try again.`,
          );
        }
        const cause = causeOf(error);
        options.log(`upstream unreachable: ${method} ${url.pathname} (${cause})`);
        return failure(
          502,
          `Lark Admin could not reach CampaignLark (${cause}). Check the server's network and CAMPAIGNLARK_API_URL.`,
        );
      }
      if (upstream.status >= 300 && upstream.status < 400) {
        options.log(`upstream redirect: ${method} ${url.pathname} answered ${upstream.status}`);
        return failure(
          502,
          `CampaignLark answered with a redirect (${upstream.status}) where the API never redirects. Check CAMPAIGNLARK_API_URL.`,
        );
      }
      if (payload === 'too large') {
        options.log(`upstream answer over ${MAX_ANSWER_BYTES} bytes: ${method} ${url.pathname}`);
        return failure(502, "CampaignLark's answer was too large.");
      }
      if (upstream.status < 200 || upstream.status > 599) {
        options.log(`upstream status ${upstream.status}: ${method} ${url.pathname}`);
        return failure(502, `CampaignLark answered with HTTP ${upstream.status}, which no API answer has.`);
      }
      // Only the media type is ever repeated: a parameter could carry anything, the key included.
      const type = (upstream.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase().slice(0, 80);
      const redact = (text: string) => text.replaceAll(options.apiKey, '[redacted]');
      let json: unknown;
      if (payload.byteLength > 0) {
        try {
          if (!JSON_TYPE.test(type)) throw new Error('not JSON');
          json = JSON.parse(new TextDecoder().decode(payload));
        } catch {
          const said = /^[\w.+-]+\/[\w.+-]+$/.test(type) ? redact(type) : 'no usable content type';
          options.log(`upstream answer not JSON (${said}): ${method} ${url.pathname} ${upstream.status}`);
          return failure(
            502,
            `CampaignLark answered with something other than JSON (HTTP ${upstream.status}, ${said}), so it was not passed on.`,
          );
        }
      }

      const returned = new Headers({ 'Cache-Control': 'no-store' });
      for (const name of RETURNED_RESPONSE_HEADERS) {
        const value = upstream.headers.get(name);
        if (value !== null) returned.set(name, redact(value));
      }
      // A 204 (or any empty answer) passes on empty: a Response with no content may not carry a body.
      if (json === undefined) return new Response(null, { status: upstream.status, headers: returned });
      // CampaignLark has no reason to say the key back; if it ever does, in any JSON spelling, it goes no further.
      returned.set('Content-Type', 'application/json; charset=utf-8');
      return new Response(JSON.stringify(redactStrings(json, redact)), { status: upstream.status, headers: returned });
    };
}

/** Every string in a JSON value (keys too) through `redact`. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)]));
  }
  return value;
}

/** The answer's bytes after decompression, read only up to the cap: a small gzip bomb stays small here. */
async function readCapped(response: Response): Promise<Uint8Array | 'too large'> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream: the rest is never downloaded or inflated.
    if (size > MAX_ANSWER_BYTES) return 'too large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

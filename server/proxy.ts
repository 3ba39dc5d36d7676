/**
 * Live mode: forwards the contract's routes to CampaignLark with the workspace's key. Only a
 * short list of headers crosses in either direction, so the browser's own credentials never
 * leave this server and nothing CampaignLark sets reaches the browser unasked.
 */
import type { Context } from 'hono';

export interface ProxyOptions {
  apiUrl: string;
  apiKey: string;
  /** How long CampaignLark may stay silent before the admin is told: 20 s. */
  timeoutMs?: number;
  log: (line: string) => void;
}

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language'];
const RETURNED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

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

  return async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url);
    const target = options.apiUrl + url.pathname.replace(/^\/v1/, '') + url.search;
    const headers = new Headers({ Authorization: `Bearer ${options.apiKey}`, 'User-Agent': 'LarkAdmin' });
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const signal = AbortSignal.timeout(timeoutMs);

    let upstream: Response;
    let payload: ArrayBuffer;
    try {
      upstream = await fetch(target, { method, headers, body, signal, redirect: 'manual' });
      payload = await upstream.arrayBuffer();
    } catch (error) {
      if (signal.aborted) {
        options.log(`upstream timeout: ${method} ${url.pathname} after ${seconds}s`);
        return failure(504, `CampaignLark did not answer within ${seconds} seconds. Nothing is known to have changed; try again.`);
      }
      const cause = causeOf(error);
      options.log(`upstream unreachable: ${method} ${url.pathname} (${cause})`);
      return failure(502, `Lark Admin could not reach CampaignLark (${cause}). Check the server's network and CAMPAIGNLARK_API_URL.`);
    }
    if (upstream.status >= 300 && upstream.status < 400) {
      options.log(`upstream redirect: ${method} ${url.pathname} answered ${upstream.status}`);
      return failure(502, `CampaignLark answered with a redirect (${upstream.status}) where the API never redirects. Check CAMPAIGNLARK_API_URL.`);
    }

    const returned = new Headers({ 'Cache-Control': 'no-store' });
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) returned.set(name, value);
    }
    return new Response(payload, { status: upstream.status, headers: returned });
  };
}

/**
 * The only place that calls fetch. It unwraps `{"data": ...}`, checks the answer against the
 * endpoint's zod schema, and turns every failure into one ApiError. It never shows anything
 * itself: callers decide where a message belongs (next to an input, or above the form).
 */
import * as z from 'zod/mini';
import { REFUSAL_HEADER } from '../contract/access.ts';

/** `session` and `role` are Lark Admin's own refusals (a session that ended, a role too low); `auth` and `forbidden` are CampaignLark's. */
export type ApiErrorKind =
  | 'validation'
  | 'auth'
  | 'forbidden'
  | 'session'
  | 'role'
  | 'not-found'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'bad-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** The HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** Seconds from a 429's Retry-After, when it said. */
  readonly retryAfter: number | undefined;

  constructor(kind: ApiErrorKind, status: number, message: string, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

function kindOf(status: number, refusal: string | null): ApiErrorKind {
  if (status === 401) return refusal === 'session' ? 'session' : 'auth';
  if (status === 403 && refusal === 'role') return 'role';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'validation';
}

/** Plain words for an error the API answered without a message of its own. */
function fallbackMessage(status: number): string {
  if (status === 429) return 'CampaignLark is receiving too many requests from this workspace right now.';
  if (status >= 500) return `The server had a problem (HTTP ${status}).`;
  return `The request was refused (HTTP ${status}).`;
}

const failureListeners = new Set<(error: ApiError) => void>();

/**
 * Told of every failure, whoever made the request (a query, a mutation, or a direct call such as
 * a save's fresh read or an import's start), so a session that ended or a role refused is shown
 * on every page whichever request met it first. Returns the way to stop listening.
 */
export function onApiFailure(listener: (error: ApiError) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

function failure(error: ApiError): ApiError {
  for (const listener of failureListeners) listener(error);
  return error;
}

const successListeners = new Set<() => void>();

/** Told of every request that went through, whoever made it (after a session ended: it is back). */
export function onApiSuccess(listener: () => void): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

const errorEnvelope = z.object({ error: z.object({ message: z.string() }) });

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodMiniType> {
  method?: Method;
  body?: unknown;
  /** The shape of `data` in a successful answer. */
  schema: S;
  /** false for Lark Admin's own endpoints, which answer without the `data` envelope. */
  envelope?: boolean;
  /** Extra request headers (Lark Admin's own hints; the credentials are the browser's cookies). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export async function request<S extends z.ZodMiniType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const what = `${method} ${path.split('?')[0]}`;
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  // The server accepts bodies only as JSON; a request without one (a DELETE) says no type.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw failure(
      new ApiError('network', 0, 'Lark Admin could not reach its server. Check your connection, then try again.'),
    );
  }

  let json: unknown;
  let isJson = true;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    isJson = false;
  }

  if (!response.ok) {
    const envelope = errorEnvelope.safeParse(json);
    const message = envelope.success ? envelope.data.error.message : fallbackMessage(response.status);
    const kind = kindOf(response.status, response.headers.get(REFUSAL_HEADER));
    throw failure(new ApiError(kind, response.status, message, retryAfterSeconds(response)));
  }
  if (!isJson || text === '') {
    throw failure(
      new ApiError(
        'bad-response',
        response.status,
        `The answer to ${what} was not the JSON the API sends, so nothing in it was used.`,
      ),
    );
  }
  const shape: z.ZodMiniType = options.envelope === false ? options.schema : z.object({ data: options.schema });
  const parsed = shape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw failure(
      new ApiError(
        'bad-response',
        response.status,
        `The answer to ${what} did not have the shape the API promises${where}, so nothing in it was used.`,
      ),
    );
  }
  for (const listener of successListeners) listener();
  return (options.envelope === false ? parsed.data : (parsed.data as { data: unknown }).data) as z.output<S>;
}

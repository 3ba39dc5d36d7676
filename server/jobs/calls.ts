/**
 * A job's request to the workspace, made patient: 429 waits for Retry-After and tries again;
 * 5xx, timeouts and dropped connections back off (1, 2, 4, 8, 16 s) and try again; a refused key
 * (401, 403) pauses the job at once. Every write a
 * job makes is idempotent (upsert by email with partial_update, tag add and remove), so sending
 * again never duplicates anything. After the last try the job pauses itself, saying why.
 */

export interface Answer {
  status: number;
  data: unknown;
  /** The API's own message, from `{"error": {"message"}}`. */
  message: string | null;
}

export type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;

/** The workspace stayed unreachable through every try: the job pauses, keeping its place. */
export class Unavailable extends Error {}

/** The job was paused or cancelled while this row waited: the row is left where it stands. */
export class Stopped extends Error {}

export interface Patience {
  /** Tries for one request that meets 5xx or a dropped connection. */
  tries: number;
  backoffMs: (attempt: number) => number;
  /** The longest a 429 is waited for, whatever its Retry-After says. */
  maxRetryAfterMs: number;
  /** 429s in a row before the job pauses: someone else is using the whole of the key's budget. */
  rateLimitedTries?: number;
}

const RATE_LIMITED_TRIES = 120;

export const PATIENCE: Patience = {
  tries: 6,
  backoffMs: (attempt) => 1000 * 2 ** attempt,
  maxRetryAfterMs: 60_000,
};

/** Retry-After in seconds or as a date; 1 s when absent or unreadable. */
function retryAfterMs(header: string | null, limit: number): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), limit) : 1000;
}

async function read(response: Response): Promise<Answer> {
  const payload = (await response.json().catch(() => null)) as { data?: unknown; error?: { message?: unknown } } | null;
  const message = payload?.error?.message;
  return { status: response.status, data: payload?.data, message: typeof message === 'string' ? message : null };
}

export function patientCall(
  send: (method: string, path: string, body?: unknown) => Promise<Response>,
  stopped: () => boolean,
  patience: Patience = PATIENCE,
): Call {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return async (method, path, body) => {
    let failures = 0;
    let limited = 0;
    for (;;) {
      if (stopped()) throw new Stopped();
      let response: Response | null = null;
      let problem = '';
      try {
        response = await send(method, path, body);
      } catch (error) {
        problem = (error as Error).message;
      }
      if (response?.status === 429) {
        limited += 1;
        if (limited >= (patience.rateLimitedTries ?? RATE_LIMITED_TRIES))
          throw new Unavailable(`it answered “too many requests” ${limited} times in a row`);
        await sleep(retryAfterMs(response.headers.get('retry-after'), patience.maxRetryAfterMs));
        continue;
      }
      // A refused key refuses every row alike: the job pauses instead of refusing them all.
      if (response && (response.status === 401 || response.status === 403))
        throw new Unavailable((await read(response)).message ?? `CampaignLark refused the key (${response.status})`);
      if (response && response.status < 500) return read(response);
      if (response) problem = (await read(response)).message ?? `answer ${response.status}`;
      failures += 1;
      if (failures >= patience.tries) throw new Unavailable(problem);
      await sleep(patience.backoffMs(failures - 1));
    }
  };
}

/** Small readers shared by the configuration's parts, each refusing a bad value in one sentence. */

/** A bad setting, worded for the one line the server prints before it stops. */
export class ConfigError extends Error {}

export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** Present and not blank, or null when unset; set-but-blank is a mistake worth stopping for. */
export function optional(env: NodeJS.ProcessEnv, name: string, meaning: string): string | null {
  const value = env[name];
  if (value === undefined) return null;
  if (value.trim() === '') throw new ConfigError(`${name} is set but empty; ${meaning}.`);
  return value;
}

/** A whole number of days from 1 to 3650. */
export function days(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const raw = env[name] ?? fallback;
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 3650))
    throw new ConfigError(`${name} must be a whole number of days from 1 to 3650, not "${raw}".`);
  return value;
}

/**
 * An https address (plain http only on this machine, where the tests run) with no user name,
 * password, query or fragment. A value that may hold credentials (user:password@) is never
 * printed, whatever is wrong with it. The words say why, for this setting.
 */
export function secureAddress(
  name: string,
  raw: string,
  words: { example: string; inClear: string; noCredentials: string; alone: string },
): URL {
  const shown = raw.includes('@') ? 'the value given (not shown: it holds an @)' : `"${raw}"`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as ${words.example}, not ${shown}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new ConfigError(`${name} must use https:// (plain http:// only on this machine), ${words.inClear}.`);
  if (url.username !== '' || url.password !== '')
    throw new ConfigError(`${name} must not carry a user name or password; ${words.noCredentials}.`);
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#'))
    throw new ConfigError(`${name} must be ${words.alone}, without a query or fragment: not ${shown}.`);
  return url;
}

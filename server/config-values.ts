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

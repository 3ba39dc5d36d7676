/** The server's configuration, read from the environment and checked before anything starts. */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { createSecureContext } from 'node:tls';
import { readOidcSettings, type OidcSettings } from './access/auth-config.ts';
import { ConfigError, days, isLoopback, optional, secureAddress } from './config-values.ts';

export { ConfigError, isLoopback };

export interface Config {
  port: number;
  host: string;
  /** null: the sandbox workspace. */
  apiKey: string | null;
  apiUrl: string;
  sandboxDb: string;
  adminPassword: string | null;
  /** Extra names this server answers to (ALLOWED_HOSTS), beyond its own addresses. */
  extraHosts: string[];
  /** TLS_CERT and TLS_KEY, read: the server speaks HTTPS. */
  tls: { cert: Buffer; key: Buffer } | null;
  /** TRUST_PROXY=1: a TLS proxy is in front, and X-Forwarded-For names the client. */
  trustProxy: boolean;
  /** DATA_DIR: where jobs (and their rows, which hold personal data) are kept. */
  dataDir: string;
  /** JOB_RETENTION_DAYS: a finished job's rows are deleted this many days after it ends. */
  jobRetentionDays: number;
  /** AUDIT_RETENTION_DAYS: audit entries older than this are deleted. */
  auditRetentionDays: number;
  /** Sign-in with the company's identity provider; null: ADMIN_PASSWORD, or open on loopback. */
  oidc: OidcSettings | null;
}

/** Long enough that 10 guesses a minute (the login limit) could never find it. */
const ADMIN_PASSWORD_MIN_LENGTH = 12;

const DEFAULTS = {
  PORT: '4173',
  HOST: '127.0.0.1',
  CAMPAIGNLARK_API_URL: 'https://api.campaignlark.com/v1',
  SANDBOX_DB: '.data/sandbox.sqlite',
  DATA_DIR: '.data',
  JOB_RETENTION_DAYS: '30',
  AUDIT_RETENTION_DAYS: '365',
};

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const rawPort = env.PORT ?? DEFAULTS.PORT;
  const port = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535 (or 0 for any free port), not "${rawPort}".`);
  }

  const host = env.HOST ?? DEFAULTS.HOST;
  if (host.trim() === '' || /\s/.test(host))
    throw new ConfigError(`HOST must be an address or host name, not "${host}".`);

  const apiKey = optional(env, 'CAMPAIGNLARK_API_KEY', 'unset it to use the sandbox workspace, or give the key');
  // The key goes into a header: control characters or spaces would let it split the request.
  if (apiKey !== null && !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new ConfigError('CAMPAIGNLARK_API_KEY contains spaces or characters that no API key has.');
  }

  const url = secureAddress('CAMPAIGNLARK_API_URL', env.CAMPAIGNLARK_API_URL ?? DEFAULTS.CAMPAIGNLARK_API_URL, {
    example: DEFAULTS.CAMPAIGNLARK_API_URL,
    inClear: 'so the API key is never sent in the clear',
    noCredentials: 'the API key is all CampaignLark needs',
    alone: "the API's base address alone",
  });

  const sandboxDb = env.SANDBOX_DB ?? DEFAULTS.SANDBOX_DB;
  if (sandboxDb.trim() === '') throw new ConfigError('SANDBOX_DB must be a file path or :memory:.');

  const adminPassword = optional(env, 'ADMIN_PASSWORD', 'unset it, or give a password');
  if (adminPassword !== null && [...adminPassword].length < ADMIN_PASSWORD_MIN_LENGTH) {
    throw new ConfigError(
      `ADMIN_PASSWORD must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters long; a long passphrase is best.`,
    );
  }
  const oidc = readOidcSettings(env);
  if (!isLoopback(host) && adminPassword === null && oidc === null) {
    throw new ConfigError(
      `HOST ${host} lets other machines connect; set OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD, so that only your people get in.`,
    );
  }

  const extraHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

  const trustProxy = readTrustProxy(env.TRUST_PROXY);

  const dataDir = env.DATA_DIR ?? DEFAULTS.DATA_DIR;
  if (dataDir.trim() === '') throw new ConfigError('DATA_DIR must be a folder path.');
  const jobRetentionDays = days(env, 'JOB_RETENTION_DAYS', DEFAULTS.JOB_RETENTION_DAYS);
  const auditRetentionDays = days(env, 'AUDIT_RETENTION_DAYS', DEFAULTS.AUDIT_RETENTION_DAYS);

  return {
    port,
    host,
    apiKey,
    apiUrl: url.href.replace(/\/+$/, ''),
    sandboxDb,
    adminPassword,
    extraHosts,
    tls: readTls(env),
    trustProxy,
    dataDir,
    jobRetentionDays,
    auditRetentionDays,
    oidc,
  };
}

function readTrustProxy(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`TRUST_PROXY must be 1 (a TLS proxy is in front) or 0, not "${raw}".`);
}

/** Both PEM files, read and tried together, or neither. */
function readTls(env: NodeJS.ProcessEnv): Config['tls'] {
  const certPath = optional(env, 'TLS_CERT', "unset it, or give the certificate's PEM file");
  const keyPath = optional(env, 'TLS_KEY', "unset it, or give the private key's PEM file");
  if (certPath === null && keyPath === null) return null;
  if (certPath === null || keyPath === null)
    throw new ConfigError('TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither.');
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(
        `${name} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  };
  const tls = { cert: read('TLS_CERT', certPath), key: read('TLS_KEY', keyPath) };
  try {
    createSecureContext(tls);
  } catch (error) {
    throw new ConfigError(
      `TLS_CERT and TLS_KEY are not a PEM certificate and its private key (${(error as Error).message}).`,
    );
  }
  return tls;
}

/** The one line printed at start when the password would cross the network in clear text; null when all is well. */
export function plainHttpWarning(config: Pick<Config, 'host' | 'tls' | 'trustProxy'>): string | null {
  if (isLoopback(config.host) || config.tls !== null || config.trustProxy) return null;
  return `Warning: HOST ${config.host} serves plain HTTP, so the password crosses the network unencrypted; set TLS_CERT and TLS_KEY, or put a TLS proxy in front and set TRUST_PROXY=1.`;
}

/**
 * The host names a browser may use to reach this server: loopback, the bound address, this
 * machine's own addresses when bound to all of them, and ALLOWED_HOSTS. Any other Host header
 * is a DNS-rebinding attempt.
 */
export function hostNamesFor(config: Pick<Config, 'host' | 'extraHosts'> & Partial<Pick<Config, 'oidc'>>): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...config.extraHosts]);
  if (config.oidc) names.add(config.oidc.publicUrl.hostname.replace(/^\[|\]$/g, '').toLowerCase());
  names.add(config.host.replace(/^\[|\]$/g, '').toLowerCase());
  if (config.host === '0.0.0.0' || config.host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(address.address.toLowerCase());
    }
  }
  return names;
}

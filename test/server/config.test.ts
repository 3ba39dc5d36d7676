import { describe, expect, it } from 'vitest';
import { ConfigError, hostNamesFor, readConfig } from '../../server/config.ts';

describe('readConfig', () => {
  it('has defaults that make a sandbox on 127.0.0.1:4173', () => {
    expect(readConfig({})).toEqual({
      port: 4173,
      host: '127.0.0.1',
      apiKey: null,
      apiUrl: 'https://api.campaignlark.com/v1',
      sandboxDb: '.data/sandbox.sqlite',
      adminPassword: null,
      extraHosts: [],
      tls: null,
      trustProxy: false,
      dataDir: '.data',
      jobRetentionDays: 30,
      auditRetentionDays: 365,
      oidc: null,
    });
  });

  it('reads every setting', () => {
    const config = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      CAMPAIGNLARK_API_KEY: 'cl_key',
      CAMPAIGNLARK_API_URL: 'https://eu.api.campaignlark.com/v1/',
      SANDBOX_DB: ':memory:',
      ADMIN_PASSWORD: 'a long passphrase',
      ALLOWED_HOSTS: 'Admin.Example.com, other.example ',
      TRUST_PROXY: '1',
      DATA_DIR: '/var/lib/lark',
      JOB_RETENTION_DAYS: '7',
      AUDIT_RETENTION_DAYS: '90',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      apiKey: 'cl_key',
      apiUrl: 'https://eu.api.campaignlark.com/v1',
      sandboxDb: ':memory:',
      adminPassword: 'a long passphrase',
      extraHosts: ['admin.example.com', 'other.example'],
      tls: null,
      trustProxy: true,
      dataDir: '/var/lib/lark',
      jobRetentionDays: 7,
      auditRetentionDays: 90,
      oidc: null,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 1 to 65535 (or 0 for any free port), not "eighty".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (or 0 for any free port), not "70000".'],
    [{ HOST: '' }, 'HOST must be an address or host name, not "".'],
    [
      { CAMPAIGNLARK_API_KEY: ' ' },
      'CAMPAIGNLARK_API_KEY is set but empty; unset it to use the sandbox workspace, or give the key.',
    ],
    [
      { CAMPAIGNLARK_API_KEY: 'abc\r\nX-Evil: 1' },
      'CAMPAIGNLARK_API_KEY contains spaces or characters that no API key has.',
    ],
    [
      { CAMPAIGNLARK_API_URL: 'api.campaignlark.com' },
      'CAMPAIGNLARK_API_URL must be a URL such as https://api.campaignlark.com/v1, not "api.campaignlark.com".',
    ],
    [
      { CAMPAIGNLARK_API_URL: 'http://api.campaignlark.com/v1' },
      'CAMPAIGNLARK_API_URL must use https:// (plain http:// only on this machine), so the API key is never sent in the clear.',
    ],
    [{ SANDBOX_DB: '' }, 'SANDBOX_DB must be a file path or :memory:.'],
    [{ DATA_DIR: ' ' }, 'DATA_DIR must be a folder path.'],
    [{ JOB_RETENTION_DAYS: '0' }, 'JOB_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "0".'],
    [
      { JOB_RETENTION_DAYS: 'a month' },
      'JOB_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "a month".',
    ],
    [{ ADMIN_PASSWORD: '' }, 'ADMIN_PASSWORD is set but empty; unset it, or give a password.'],
    [
      { HOST: '0.0.0.0' },
      'HOST 0.0.0.0 lets other machines connect; set OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD, so that only your people get in.',
    ],
    [
      { HOST: '192.168.1.20' },
      'HOST 192.168.1.20 lets other machines connect; set OIDC_ISSUER (each person signs in) or ADMIN_PASSWORD, so that only your people get in.',
    ],
  ])('refuses %o in one clear sentence', (env, message) => {
    expect(() => readConfig(env)).toThrow(new ConfigError(message));
  });

  it('allows plain http only to this machine', () => {
    expect(readConfig({ CAMPAIGNLARK_API_URL: 'http://127.0.0.1:9999/v1' }).apiUrl).toBe('http://127.0.0.1:9999/v1');
    expect(readConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });
});

describe('hostNamesFor', () => {
  it('answers to loopback names, its own address and ALLOWED_HOSTS only', () => {
    const names = hostNamesFor({ host: '127.0.0.1', extraHosts: ['admin.example.com'] });
    expect([...names].sort()).toEqual(['127.0.0.1', '::1', 'admin.example.com', 'localhost']);
  });

  it("adds this machine's addresses when bound to all of them", () => {
    expect(hostNamesFor({ host: '0.0.0.0', extraHosts: [] }).size).toBeGreaterThan(3);
  });
});

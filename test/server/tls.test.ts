/** 4. HTTPS of its own, or a TLS proxy in front; plain HTTP on a network is said at start. */
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config.ts';
import { PROJECT_ROOT, runServerToExit, startServer, type RunningServer } from '../support/server-process.ts';

const CERT = join(PROJECT_ROOT, 'test/support/tls/cert.pem');
const KEY = join(PROJECT_ROOT, 'test/support/tls/key.pem');
const PASSWORD = 'correct horse battery';

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** A GET that trusts only the test certificate, as a browser that was given it would. */
function httpsGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; hsts: string | undefined; body: string }>((done, fail) => {
    get(url, { ca: readFileSync(CERT), headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        done({ status: response.statusCode!, hsts: response.headers['strict-transport-security'], body }),
      );
    }).on('error', fail);
  });
}

describe('TLS_CERT and TLS_KEY', () => {
  it('make the server speak HTTPS, with HSTS on every answer', async () => {
    running = await startServer({ SANDBOX_DB: ':memory:', TLS_CERT: CERT, TLS_KEY: KEY });
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await httpsGet(`${running.url}/api/status`);
    expect(answer).toMatchObject({ status: 200, hsts: 'max-age=31536000', body: '{"mode":"sandbox"}' });
  });

  it.each([
    [{ TLS_CERT: CERT }, 'TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither.'],
    [{ TLS_CERT: CERT, TLS_KEY: '/nowhere/key.pem' }, 'TLS_KEY /nowhere/key.pem cannot be read (ENOENT).'],
  ])('refuses %o in one sentence', (env, message) => {
    expect(() => readConfig(env)).toThrow(new ConfigError(message));
  });

  it('refuses a key that is no key', () => {
    expect(() => readConfig({ TLS_CERT: CERT, TLS_KEY: CERT })).toThrow(
      /^TLS_CERT and TLS_KEY are not a PEM certificate and its private key/,
    );
  });
});

describe('plain HTTP on a network', () => {
  it('prints one warning line at start', async () => {
    running = await startServer({ SANDBOX_DB: ':memory:', HOST: '0.0.0.0', ADMIN_PASSWORD: PASSWORD });
    const warnings = running
      .output()
      .split('\n')
      .filter((line) => line.startsWith('Warning:'));
    expect(warnings).toEqual([
      'Warning: HOST 0.0.0.0 serves plain HTTP, so the password crosses the network unencrypted; set TLS_CERT and TLS_KEY, or put a TLS proxy in front and set TRUST_PROXY=1.',
    ]);
  });

  it('stays quiet with TRUST_PROXY=1, or on this machine alone', async () => {
    running = await startServer({
      SANDBOX_DB: ':memory:',
      HOST: '0.0.0.0',
      ADMIN_PASSWORD: PASSWORD,
      TRUST_PROXY: '1',
    });
    expect(running.output()).not.toContain('Warning:');
    await running.stop();
    running = await startServer({ SANDBOX_DB: ':memory:' });
    expect(running.output()).not.toContain('Warning:');
  });

  it('refuses a TRUST_PROXY that is neither 1 nor 0', async () => {
    const { code, output } = await runServerToExit({ SANDBOX_DB: ':memory:', TRUST_PROXY: 'yes' });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Lark Admin cannot start: TRUST_PROXY must be 1 (a TLS proxy is in front) or 0, not "yes".',
    );
  });
});

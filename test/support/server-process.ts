/** Runs `node server/main.ts` as a person would, on a free port, and reads what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr together. */
  output: () => string;
  /** SIGTERM, as a service manager stops it. */
  stop: () => Promise<void>;
  /** SIGKILL: no chance to tidy up. */
  kill: () => Promise<void>;
}

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of [
    'CAMPAIGNLARK_API_KEY',
    'CAMPAIGNLARK_API_URL',
    'ADMIN_PASSWORD',
    'ALLOWED_HOSTS',
    'HOST',
    'SANDBOX_DB',
    'TLS_CERT',
    'TLS_KEY',
    'TRUST_PROXY',
    'DATA_DIR',
    'JOB_RETENTION_DAYS',
    'AUDIT_RETENTION_DAYS',
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_ROLE_CLAIM',
    'OIDC_SCOPES',
    'PUBLIC_URL',
    'SESSION_SECRET',
    'LARK_ADMINS',
    'LARK_EDITORS',
    'LARK_VIEWERS',
  ]) {
    delete inherited[name];
  }
  // Each server keeps its jobs in a folder of its own, never in the project's .data/.
  return { ...inherited, PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'lark-data-')), ...env };
}

/** Runs the server to its exit (for settings it must refuse); resolves with its code and output. */
export function runServerToExit(
  env: Record<string, string>,
  timeoutMs = 10_000,
  user: { uid?: number; gid?: number } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: baseEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

export function startServer(env: Record<string, string>, timeoutMs = 15_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /serving .* at (https?:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done({ url: match[1]!, child, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before it started:\n${output}`));
    });
  });
}

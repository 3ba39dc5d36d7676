/** Starts Lark Admin: `node server/main.ts` (npm start builds the SPA first when needed). */
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { escapeControls } from './app.ts';
import { assemble, StartRefusal, type Assembled } from './assemble.ts';
import { ConfigError, plainHttpWarning, readConfig, type Config } from './config.ts';
import { isBuilt } from './static-files.ts';

function stop(message: string): never {
  // The message may quote a setting: it stays one line, whatever the setting holds.
  console.error(`Lark Admin cannot start: ${escapeControls(message)}`);
  process.exit(1);
}

let config: Config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) stop(error.message);
  throw error;
}

const log = (line: string) => console.log(escapeControls(line));
const distDir = resolve(import.meta.dirname, '../dist');
let assembled: Assembled;
try {
  assembled = assemble(config, log, distDir);
} catch (error) {
  if (error instanceof StartRefusal) stop(error.message);
  throw error;
}
const { app } = assembled;

// Server-side limits on time: a client gets 30 s to send a request, 15 s for its headers.
const limits = { requestTimeout: 30_000, headersTimeout: 15_000 };
const server = serve(
  {
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    ...(config.tls
      ? { createServer: createHttpsServer, serverOptions: { ...limits, ...config.tls } }
      : { serverOptions: limits }),
  },
  (info) => {
    const warning = plainHttpWarning(config);
    if (warning) console.warn(warning);
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const workspace = assembled.sandboxDb
      ? `the sandbox workspace (data in ${assembled.sandboxDb})`
      : `the live CampaignLark workspace at ${config.apiUrl}`;
    console.log(`Lark Admin is serving ${workspace} at ${config.tls ? 'https' : 'http'}://${host}:${info.port}`);
    console.log(
      config.oidc
        ? `Sign-in: each person through ${config.oidc.issuer.origin}, at ${config.oidc.publicUrl.origin}.`
        : config.adminPassword
          ? 'Sign-in: the shared ADMIN_PASSWORD (one admin).'
          : 'Sign-in: none; anyone using this computer can use it, as an admin.',
    );
    if (!isBuilt(distDir))
      console.log('The pages are not built (no dist/index.html): run `npm start` or `npm run build`.');
  },
);

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE')
    stop(`port ${config.port} on ${config.host} is already in use; set PORT to another.`);
  if (error.code === 'EADDRNOTAVAIL') stop(`HOST ${config.host} is not an address of this machine.`);
  stop(error.message);
});

async function shutdown() {
  server.close();
  // The rows in flight finish first, so each is recorded once; the rest wait for the next start.
  await assembled.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

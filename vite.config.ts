import { getRequestListener } from '@hono/node-server';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run dev`: the same /v1 and /api handler as `npm start`, mounted inside Vite, so one
 * process on one port serves the app with HMR and the API. It is created on the first request,
 * so builds and tests never open the sandbox database.
 */
function larkApi(): Plugin {
  return {
    name: 'lark-api',
    apply: 'serve',
    configureServer(server) {
      let listener: ReturnType<typeof getRequestListener> | undefined;
      server.middlewares.use(async (req, res, next) => {
        if (!/^\/(?:v1|api)(?:\/|$|\?)/.test(req.url ?? '')) return next();
        listener ??= await createDevListener();
        return listener(req, res);
      });
    },
  };
}

async function createDevListener() {
  const { readConfig, hostNamesFor } = await import('./server/config.ts');
  const { openStore } = await import('./server/sandbox/store.ts');
  const { createApp } = await import('./server/app.ts');
  const config = readConfig(process.env);
  const app = createApp({
    backend:
      config.apiKey === null
        ? { mode: 'sandbox', store: openStore(config.sandboxDb) }
        : { mode: 'live', apiUrl: config.apiUrl, apiKey: config.apiKey },
    hostNames: hostNamesFor(config),
    adminPassword: config.adminPassword,
    trustProxy: config.trustProxy,
  });
  return getRequestListener(app.fetch);
}

export default defineConfig({
  plugins: [react(), tailwindcss(), larkApi()],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173 },
  build: { target: 'es2023' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['test/src/**/*.test.{ts,tsx}'],
          setupFiles: ['test/src/setup.ts'],
        },
      },
    ],
  },
});

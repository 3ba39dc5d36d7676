import { getRequestListener } from '@hono/node-server';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null;
let firstPageModules: Set<string> | null = null;

/** Our modules a script imports statically, all the way down; a feature's own modules only from `from`'s feature. */
function ourModulesFrom(from: string, context: { getModuleInfo: ModuleInfoOf }, into: Set<string>) {
  const seen = new Set<string>();
  for (const stack = [resolve(import.meta.dirname, from)]; stack.length > 0;) {
    const next = stack.pop()!;
    if (seen.has(next) || next.includes('node_modules')) continue;
    seen.add(next);
    if (!next.includes('/src/features/')) into.add(next);
    stack.push(...(context.getModuleInfo(next)?.importedIds ?? []));
  }
}

/**
 * Our modules of the first page (the app's shell, and what the home page shares with other pages)
 * in one chunk. Left to itself, Rolldown splits them, and the libraries under them, into many
 * small chunks, each compressed alone: several kB more for the first page, and more requests.
 * The libraries follow their importers into this chunk.
 */
function firstPageChunk(id: string, context: { getModuleInfo: ModuleInfoOf }): string | null {
  if (!firstPageModules) {
    firstPageModules = new Set();
    ourModulesFrom('src/main.tsx', context, firstPageModules);
    ourModulesFrom('src/features/contacts/contacts-page.tsx', context, firstPageModules);
  }
  return firstPageModules.has(id) ? 'app' : null;
}

/**
 * `npm run dev`: the same /v1, /api and /auth handler as `npm start`, mounted inside Vite, so one
 * process on one port serves the app with HMR and the API. Pages come from Vite, so only the API
 * asks for a session here: a page without one shows "Your session ended" rather than moving to
 * the sign-in. It is created on the first request,
 * so builds and tests never open the sandbox database.
 */
function larkApi(): Plugin {
  return {
    name: 'lark-api',
    apply: 'serve',
    configureServer(server) {
      let listener: ReturnType<typeof getRequestListener> | undefined;
      server.middlewares.use(async (req, res, next) => {
        if (!/^\/(?:v1|api|auth)(?:\/|$|\?)/.test(req.url ?? '')) return next();
        listener ??= await createDevListener();
        return listener(req, res);
      });
    },
  };
}

/**
 * Writes dist/page-preloads.json: for each page of src/app/pages.ts, its chunks and its first reads,
 * which the server names in that page's HTML (server/page-preloads.ts).
 */
function pagePreloads(): Plugin {
  return {
    name: 'lark-page-preloads',
    apply: 'build',
    async generateBundle(_, bundle) {
      const { HOME, PAGES } = await import('./src/app/pages.ts');
      const { READ_URLS } = await import('./src/api/read-urls.ts');
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      /** The chunk and what it imports, all the way down, less the entry (the page loads it anyway). */
      const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
        const chunk = byFile.get(fileName);
        if (!chunk || chunk.isEntry || seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of chunk.imports) closure(imported, seen);
        return seen;
      };
      const pages = PAGES.map((page) => {
        const chunk = chunks.find((candidate) => candidate.facadeModuleId === resolve(page.module));
        if (!chunk) throw new Error(`No chunk was built for the page ${page.module}.`);
        return {
          path: page.path,
          modules: [...closure(chunk.fileName)].map((file) => `/${file}`),
          reads: page.reads.map((read) => READ_URLS[read]),
        };
      });
      this.emitFile({
        type: 'asset',
        fileName: 'page-preloads.json',
        source: JSON.stringify({ home: HOME, pages }, null, 2),
      });
    },
  };
}

/**
 * Writes a .br and a .gz beside each script and stylesheet, at the highest levels, which the server
 * sends as they are (serveStatic's `precompressed`): compressing per request cost a cold load tens
 * of milliseconds on a busy two-core machine, and brotli's best is a tenth smaller than gzip's.
 */
function precompressAssets(): Plugin {
  return {
    name: 'lark-precompress',
    apply: 'build',
    writeBundle(output, bundle) {
      for (const item of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(item.fileName)) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        const path = join(output.dir!, item.fileName);
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

async function createDevListener() {
  const { readConfig } = await import('./server/config.ts');
  const { assemble } = await import('./server/assemble.ts');
  const { app } = assemble(readConfig(process.env), (line) => console.log(line));
  return getRequestListener(app.fetch);
}

export default defineConfig({
  plugins: [react(), tailwindcss(), larkApi(), pagePreloads(), precompressAssets()],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173 },
  build: {
    target: 'es2023',
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: firstPageChunk }] } } },
  },
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

/** Builds the SPA when dist/ is missing or older than its sources: `npm start` and the browser tests. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['index.html', 'vite.config.ts', 'package-lock.json', 'src', 'public'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export async function ensureBuild(): Promise<void> {
  const builtAt = newestChange(join(root, 'dist', 'index.html'));
  const changedAt = Math.max(...SOURCES.map((name) => newestChange(join(root, name))));
  if (builtAt >= changedAt) return;
  console.log(
    builtAt === 0 ? 'Building Lark Admin for its first start...' : 'Sources changed: rebuilding Lark Admin...',
  );
  await build({ root, logLevel: 'warn' });
}

if (import.meta.main) await ensureBuild();

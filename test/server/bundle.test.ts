import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/server-process.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

it('builds no trace of the API key into the app, even with the key in the environment', async () => {
  const key = 'cl_live_bundle_marker_7c1d';
  const outDir = mkdtempSync(join(tmpdir(), 'lark-bundle-'));
  process.env.CAMPAIGNLARK_API_KEY = key;
  try {
    await build({ root: PROJECT_ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.CAMPAIGNLARK_API_KEY;
  }
  const files = filesUnder(outDir);
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(key);
}, 60_000);

it('writes a .br and a .gz beside each script and stylesheet, each the same file compressed', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'lark-bundle-'));
  await build({ root: PROJECT_ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const sources = filesUnder(outDir).filter((file) => /\.(js|css)$/.test(file));
  expect(sources.some((file) => file.endsWith('.css'))).toBe(true);
  for (const file of sources) {
    const original = readFileSync(file);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), file).toBe(true);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), file).toBe(true);
  }
}, 60_000);

/** The dependency rule of design.md: the contract is the bottom layer, and the server reaches into src/ only for it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Static imports and re-exports, and import() of code loaded later. */
const importsOf = (file: string) =>
  [
    ...readFileSync(join(ROOT, file), 'utf8').matchAll(
      /^(?:import|export)[^'"]*from '([^']+)'|\bimport\('([^']+)'\)/gm,
    ),
  ].map((match) => (match[1] ?? match[2])!);

describe('layers', () => {
  it('src/contract imports nothing of ours from outside it', () => {
    const crossings = sources('src/contract').flatMap((file) =>
      importsOf(file)
        .filter((path) => path.startsWith('.') && !path.startsWith('./'))
        .map((path) => `${file} → ${path}`),
    );
    expect(crossings).toEqual([]);
  });

  it('the server imports from src/ only the contract', () => {
    const crossings = sources('server').flatMap((file) =>
      importsOf(file)
        .filter((path) => path.includes('/src/') && !path.includes('/src/contract/'))
        .map((path) => `${file} → ${path}`),
    );
    expect(crossings).toEqual([]);
  });

  it('the field types’ value rules need no React and none of the inputs, so a list or a worker can load them alone', () => {
    const values = sources('src/field-types').filter((file) => !file.startsWith('src/field-types/inputs/'));
    const crossings = values.flatMap((file) =>
      importsOf(file)
        .filter((path) => path === 'react' || path.includes('inputs/') || path.includes('components/'))
        .map((path) => `${file} → ${path}`),
    );
    expect(values.length).toBeGreaterThan(5);
    expect(crossings).toEqual([]);
  });

  it('a feature never imports another feature: app/ composes them, or the shared piece moves down', () => {
    const crossings = sources('src/features').flatMap((file) => {
      const feature = file.split('/')[2];
      return importsOf(file)
        .filter((path) => /^\.\.\/(?!\.\.)/.test(path) && !path.startsWith(`../${feature}/`))
        .map((path) => `${file} → ${path}`);
    });
    expect(crossings).toEqual([]);
  });

  it('src/lib is below the rest of the app: it imports of ours only the contract and itself', () => {
    const crossings = sources('src/lib').flatMap((file) =>
      importsOf(file)
        .filter((path) => /\/(?:api|components|field-types|features|app)\//.test(path))
        .map((path) => `${file} → ${path}`),
    );
    expect(crossings).toEqual([]);
  });
});

/**
 * Each page's HTML names the code and the first reads that page needs (from the build's
 * dist/page-preloads.json), so the browser fetches them while the entry script still downloads
 * and runs, instead of after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PagePreload {
  /** '/contacts', '/fields/:id/edit'. */
  path: string;
  modules: string[];
  reads: string[];
}

interface Preloads {
  /** Where '/' leads. */
  home: string;
  pages: PagePreload[];
}

function fits(pattern: string, pathname: string): boolean {
  const [want, have] = [pattern.split('/').filter(Boolean), pathname.split('/').filter(Boolean)];
  return want.length === have.length && want.every((part, index) => part.startsWith(':') || part === have[index]);
}

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The <link> tags for a page address; '' for an address no page has, or a build without the list. */
export function preloadLinks(distDir: string, pathname: string): string {
  const file = join(distDir, 'page-preloads.json');
  if (!existsSync(file)) return '';
  const { home, pages } = JSON.parse(readFileSync(file, 'utf8')) as Preloads;
  const wanted = pathname === '/' ? home : pathname.replace(/\/+$/, '') || '/';
  const page = pages.find((candidate) => fits(candidate.path, wanted));
  if (!page) return '';
  return [
    ...page.modules.map((href) => `<link rel="modulepreload" crossorigin href="${attribute(href)}">`),
    // Same mode and credentials as the app's own fetch, so the browser hands it the preloaded answer.
    ...page.reads.map((href) => `<link rel="preload" as="fetch" crossorigin href="${attribute(href)}">`),
  ].join('');
}

/** The page's HTML with its links at the end of <head>. */
export const withPreloads = (html: string, links: string) =>
  links === '' ? html : html.replace('</head>', () => `${links}</head>`);

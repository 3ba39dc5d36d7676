/**
 * What a first visit downloads to show a page: every script and stylesheet the browser asked for
 * before the page was shown, each gzipped as a server would send it (zlib's default level).
 * Measured in the browser, so lazy route chunks count exactly when the page really needs them,
 * and code fetched in idle time afterwards (the other pages') does not.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';

export interface PageWeight {
  jsGzipBytes: number;
  cssGzipBytes: number;
  files: { path: string; gzipBytes: number }[];
}

export async function firstPageWeight(page: Page, url: string, shown: (page: Page) => Promise<void>): Promise<PageWeight> {
  const asked: { request: Request; kind: 'js' | 'css' }[] = [];
  const onRequest = (request: Request) => {
    const kind = ({ script: 'js', stylesheet: 'css' } as const)[request.resourceType() as 'script' | 'stylesheet'];
    if (kind) asked.push({ request, kind });
  };
  page.on('request', onRequest);
  await page.goto(url);
  await shown(page);
  page.off('request', onRequest);
  const files = await Promise.all(
    asked.map(async ({ request, kind }) => {
      const response = await request.response();
      if (!response) throw new Error(`no answer for ${request.url()}`);
      return { path: new URL(request.url()).pathname, kind, gzipBytes: gzipSync(await response.body()).length };
    }),
  );
  const total = (kind: 'js' | 'css') => files.filter((file) => file.kind === kind).reduce((sum, file) => sum + file.gzipBytes, 0);
  return { jsGzipBytes: total('js'), cssGzipBytes: total('css'), files: files.map(({ path, gzipBytes }) => ({ path, gzipBytes })) };
}

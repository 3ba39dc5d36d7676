/**
 * What a first visit downloads to show a page: every script and stylesheet the browser fetched
 * until the network went quiet, each gzipped as a server would send it (zlib's default level).
 * Measured in the browser, so lazy route chunks count exactly when the page really needs them.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';

export interface PageWeight {
  jsGzipBytes: number;
  cssGzipBytes: number;
  files: { path: string; gzipBytes: number }[];
}

export async function firstPageWeight(page: Page, url: string, shown: (page: Page) => Promise<void>): Promise<PageWeight> {
  const fetched: Promise<{ path: string; kind: 'js' | 'css'; gzipBytes: number }>[] = [];
  const onResponse = (response: Response) => {
    const kind = ({ script: 'js', stylesheet: 'css' } as const)[response.request().resourceType() as 'script' | 'stylesheet'];
    if (!kind) return;
    fetched.push(response.body().then((body) => ({ path: new URL(response.url()).pathname, kind, gzipBytes: gzipSync(body).length })));
  };
  page.on('response', onResponse);
  await page.goto(url);
  await shown(page);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = await Promise.all(fetched);
  const total = (kind: 'js' | 'css') => files.filter((file) => file.kind === kind).reduce((sum, file) => sum + file.gzipBytes, 0);
  return { jsGzipBytes: total('js'), cssGzipBytes: total('css'), files: files.map(({ path, gzipBytes }) => ({ path, gzipBytes })) };
}

/**
 * What a first visit downloads to show a page: every script and stylesheet the page started to
 * fetch before `readySelector` was in it, each gzipped as a server would send it (zlib's default
 * level). Timed inside the page, so lazy route chunks count exactly when the page needs them,
 * and code fetched in idle time afterwards (the other pages') does not.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface PageWeight {
  jsGzipBytes: number;
  cssGzipBytes: number;
  files: { path: string; gzipBytes: number }[];
}

type Watched = Window & { __shownAt: Promise<number> };

export async function firstPageWeight(page: Page, url: string, readySelector: string): Promise<PageWeight> {
  await page.addInitScript((selector) => {
    (window as unknown as Watched).__shownAt = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  }, readySelector);
  await page.goto(url);
  const asked = await page.evaluate(async () => {
    const shownAt = await (window as unknown as Watched).__shownAt;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= shownAt)
      .map((entry) => entry.name)
      .filter((name) => /\.(js|css)$/.test(new URL(name).pathname));
  });
  const files = await Promise.all(
    asked.map(async (name) => {
      const answer = await page.request.get(name);
      return { path: new URL(name).pathname, gzipBytes: gzipSync(await answer.body()).length };
    }),
  );
  const total = (extension: string) =>
    files.filter((file) => file.path.endsWith(extension)).reduce((sum, file) => sum + file.gzipBytes, 0);
  return { jsGzipBytes: total('.js'), cssGzipBytes: total('.css'), files };
}

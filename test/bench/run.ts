/**
 * `npm run bench`: Lark Admin's add-contact form in Chromium against the production build, for
 * workspaces of 50, 200 and 500 fields (the 7 types in turn, dropdowns of 20 options, every third
 * field required), served by the sandbox. Each figure is the median (with min and max) of RUNS
 * fresh page loads. Writes bench/results.json and prints a table.
 *
 * Not yet here (issue #7): the same scenarios for @rjsf/core as the peer, interleaved in one run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ensureBuild } from '../../server/ensure-build.ts';
import { PROJECT_ROOT, startServer } from '../support/server-process.ts';

const SIZES = [50, 200, 500];
const RUNS = 7;
const TYPES = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'COUNTRY'];
const OPTIONS = Array.from({ length: 20 }, (_, n) => `Choice ${n + 1}`).join(',');

const tagFor = (n: number) => `f_${n.toString(26).split('').map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`;

async function seed(url: string, size: number) {
  // The email field is the first; the rest are made up to `size`.
  for (let n = 0; n < size - 1; n++) {
    const type = TYPES[n % TYPES.length]!;
    const field = { label: `Field ${n}`, merge_tag: tagFor(n), type, required: n % 3 === 0, ...(type.startsWith('DROPDOWN') ? { definition: OPTIONS } : {}) };
    for (;;) {
      const answer = await fetch(`${url}/v1/fields`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(field) });
      if (answer.status === 201) break;
      if (answer.status !== 429) throw new Error(`seeding failed: ${answer.status} ${await answer.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** ms from navigation start until the last input of the form is in the page and painted. */
async function timeToUsable(page: Page, url: string, lastId: string): Promise<number> {
  await page.goto(`${url}/contacts/new`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (id) => (document.getElementById(id) ? performance.now() : false),
    lastId,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** keydown → next paint, per keystroke, typing 20 characters into the last text input. */
async function keystrokes(page: Page, inputId: string): Promise<number[]> {
  await page.evaluate((id) => {
    const target = document.getElementById(id)!;
    const delays: number[] = [];
    (window as unknown as { __delays: number[] }).__delays = delays;
    target.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => delays.push(performance.now() - start)));
    });
  }, inputId);
  await page.locator(`#${inputId}`).click();
  await page.keyboard.type('abcdefghijklmnopqrst', { delay: 30 });
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
}

/** Save with required fields empty → the first error painted. */
async function submitToErrors(page: Page): Promise<number> {
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Save contact')!;
    (window as unknown as { __submit: Promise<number> }).__submit = new Promise((resolve) => {
      button.addEventListener('pointerdown', (event) => {
        const start = event.timeStamp;
        const observer = new MutationObserver(() => {
          if (document.querySelector('[id$="-error"]')) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
  });
  await page.getByRole('button', { name: 'Save contact' }).click();
  return page.evaluate(() => (window as unknown as { __submit: Promise<number> }).__submit);
}

/** A letter typed into a country picker → the filtered list painted. */
async function countryFilter(page: Page, inputId: string): Promise<number> {
  const box = page.locator(`#${inputId}`);
  await box.click();
  await page.evaluate((id) => {
    const input = document.getElementById(id)!;
    (window as unknown as { __filter: Promise<number> }).__filter = new Promise((resolve) => {
      input.addEventListener('keydown', (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      }, { once: true });
    });
  }, inputId);
  await page.keyboard.type('g');
  return page.evaluate(() => (window as unknown as { __filter: Promise<number> }).__filter);
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const p95 = (values: number[]) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;
const summary = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });

await ensureBuild();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
});
const results: Record<string, unknown> = { machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, Chromium ${browser.version()}`, runs: RUNS, sizes: {} };

for (const size of SIZES) {
  const server = await startServer({ SANDBOX_DB: join(mkdtempSync(join(tmpdir(), 'lark-bench-')), 'bench.sqlite') });
  try {
    await seed(server.url, size);
    const textTags = Array.from({ length: size - 1 }, (_, n) => n).filter((n) => TYPES[n % TYPES.length] === 'TEXT');
    const countryTags = Array.from({ length: size - 1 }, (_, n) => n).filter((n) => TYPES[n % TYPES.length] === 'COUNTRY');
    const lastId = `field-${tagFor(size - 2)}`;
    const lastText = `field-${tagFor(textTags.at(-1)!)}`;
    const lastCountry = `field-${tagFor(countryTags.at(-1)!)}`;
    const usable: number[] = [];
    const perKey: number[] = [];
    const keyP95: number[] = [];
    const submit: number[] = [];
    const filter: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      usable.push(await timeToUsable(page, server.url, lastId));
      const delays = await keystrokes(page, lastText);
      perKey.push(median(delays));
      keyP95.push(p95(delays));
      filter.push(await countryFilter(page, lastCountry));
      await page.keyboard.press('Escape');
      submit.push(await submitToErrors(page));
      await context.close();
    }
    (results.sizes as Record<string, unknown>)[size] = {
      usableMs: summary(usable),
      keystrokeMedianMs: summary(perKey),
      keystrokeP95Ms: summary(keyP95),
      submitToErrorsMs: summary(submit),
      countryFilterMs: summary(filter),
    };
  } finally {
    await server.stop();
  }
}
await browser.close();

mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`Lark Admin add-contact form, medians of ${RUNS} runs (min–max), ${results.machine}`);
console.log('fields | usable ms | key median ms | key p95 ms | submit→errors ms | country filter ms');
for (const [size, figures] of Object.entries(results.sizes as Record<string, Record<string, { median: number; min: number; max: number }>>)) {
  const cell = (key: string) => `${figures[key]!.median.toFixed(1)} (${figures[key]!.min.toFixed(1)}–${figures[key]!.max.toFixed(1)})`;
  console.log(`${size} | ${cell('usableMs')} | ${cell('keystrokeMedianMs')} | ${cell('keystrokeP95Ms')} | ${cell('submitToErrorsMs')} | ${cell('countryFilterMs')}`);
}

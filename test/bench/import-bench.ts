/**
 * The import's budgets (issue 14): a 100,000-row × 12-column file read, converted and checked in
 * the worker while the page stays free (longest main-thread task), the review grid scrolled from
 * top to bottom (frames a second), the tab's memory holding it (the renderer's resident size,
 * worker included), and a sandbox import job's pace against the jobs' 80 requests a second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

export interface ImportFigures {
  rows: number;
  fileToCountsMs: number;
  longestTaskMs: number;
  scrollFps: number;
  /** The renderer's resident size once every row is read and checked, and again after the scroll. */
  rendererMb: number;
  rendererAfterScrollMb: number;
  jobRows: number;
  jobRowsPerSecond: number;
  jobRequestsPerSecond: number;
  jobShareOfBudget: number;
}

const FIELDS = [
  { label: 'Company', merge_tag: 'company', type: 'TEXT' },
  { label: 'City', merge_tag: 'city', type: 'TEXT' },
  { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
  { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
  { label: 'Score', merge_tag: 'score', type: 'NUMBER' },
  { label: 'Member', merge_tag: 'member', type: 'BOOLEAN' },
  { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Basic,Pro,Team' },
  { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera,Jazz' },
  { label: 'Notes', merge_tag: 'notes', type: 'TEXT' },
];
const COUNTRIES = ['Germany', 'France', 'UK', 'España', 'Italia', 'Netherlands', 'US', 'Japan'];

/** Email, first and last name and the nine fields above, written as spreadsheets write them. */
export function generatedCsv(rows: number): string {
  const lines = ['Email;First name;Last name;Company;City;Land;Birthday;Score;Member;Plan;Interests;Notes'];
  for (let n = 0; n < rows; n++) {
    const day = (n % 28) + 1;
    const month = (n % 12) + 1;
    lines.push(
      [
        `person${n}@example.com`,
        `First${n}`,
        `Last${n % 997}`,
        `Company ${n % 313}`,
        `City ${n % 71}`,
        COUNTRIES[n % COUNTRIES.length],
        `${day}/${month}/19${50 + (n % 50)}`,
        `${n % 1000},${n % 100}`,
        n % 2 ? 'ja' : 'nein',
        ['Basic', 'pro', 'TEAM'][n % 3],
        ['Golf|Chess', 'Opera', 'Jazz|Golf'][n % 3],
        `"Met at fair ${n % 17}; said ""hi"""`,
      ].join(';'),
    );
  }
  return lines.join('\r\n');
}

async function seedFields(url: string) {
  for (const field of FIELDS) {
    const answer = await fetch(`${url}/v1/fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(field),
    });
    if (answer.status !== 201) throw new Error(`seeding ${field.merge_tag}: ${answer.status}`);
  }
}

function rendererMb(): number {
  const lines = execFileSync('ps', ['-eo', 'rss,args'], { encoding: 'utf8' }).split('\n');
  const renderers = lines.filter((line) => line.includes('--type=renderer')).map((line) => Number(line.trim().split(/\s+/)[0]));
  return Math.max(0, ...renderers) / 1024;
}

async function measurePage(browser: Browser, url: string, rows: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/contacts/import`);
  await page.getByLabel('CSV file').waitFor();
  // Timed in the page from the input's change event, as a person's choice of file starts it.
  await page.evaluate((counts) => {
    const watch = window as unknown as { __tasks: PerformanceEntry[]; __chosen: number; __counted: Promise<number> };
    watch.__tasks = [];
    new PerformanceObserver((list) => watch.__tasks.push(...list.getEntries())).observe({ type: 'longtask' });
    document.querySelector('input[type=file]')!.addEventListener('change', () => (watch.__chosen = performance.now()));
    watch.__counted = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.body.textContent?.includes(counts)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, `${rows.toLocaleString('en')} rows · ${rows.toLocaleString('en')} ready`);
  // From a file on disk, as a person picks one: the browser reads it when the page asks.
  const file = join(mkdtempSync(join(tmpdir(), 'lark-bench-csv-')), 'contacts.csv');
  writeFileSync(file, generatedCsv(rows));
  await page.getByLabel('CSV file').setInputFiles(file);
  const { fileToCountsMs, longestTaskMs } = await page.evaluate(async () => {
    const watch = window as unknown as { __tasks: PerformanceEntry[]; __chosen: number; __counted: Promise<number> };
    const counted = await watch.__counted;
    const tasks = watch.__tasks.filter((task) => task.startTime >= watch.__chosen);
    return { fileToCountsMs: counted - watch.__chosen, longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) };
  });
  // What the tab holds, not the garbage of getting there: V8 lets go of it once the page is idle.
  await page.waitForTimeout(5000);
  const memory = rendererMb();
  const scrollFps = await page.getByRole('table', { name: 'Rows to import' }).evaluate(
    (grid) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const step = () => {
          frames += 1;
          grid.scrollTop += grid.scrollHeight / 300;
          if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) resolve((frames * 1000) / (performance.now() - start));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  await page.waitForTimeout(5000);
  const afterScroll = rendererMb();
  await context.close();
  return { fileToCountsMs, longestTaskMs, scrollFps, rendererMb: memory, rendererAfterScrollMb: afterScroll };
}

/** A job of `rows` new contacts through /api/jobs, timed from its start to its end. */
async function measureJob(url: string, rows: number) {
  const post = (path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((answer) => answer.json());
  const job = await post('/api/jobs', { kind: 'import', title: 'Bench', params: { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [1] } });
  const id = job.data.id as number;
  for (let start = 0; start < rows; start += 2000) {
    const piece = Array.from({ length: Math.min(2000, rows - start) }, (_, n) => ({ email: `job${start + n}@example.com`, fields: { first_name: `J${start + n}` } }));
    await post(`/api/jobs/${id}/rows`, { rows: piece });
  }
  const started = Date.now();
  await post(`/api/jobs/${id}/start`);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const state = (await (await fetch(`${url}/api/jobs/${id}`)).json()).data;
    if (state.state === 'done') break;
  }
  const seconds = (Date.now() - started) / 1000;
  // A new contact costs two requests: the read of its address, and the upsert carrying its tags.
  const requestsPerSecond = (rows * 2) / seconds;
  return { jobRowsPerSecond: rows / seconds, jobRequestsPerSecond: requestsPerSecond, jobShareOfBudget: requestsPerSecond / 80 };
}

export async function measureImport(browser: Browser, url: string, rows: number, jobRows: number): Promise<ImportFigures> {
  await seedFields(url);
  const page = await measurePage(browser, url, rows);
  const job = await measureJob(url, jobRows);
  return { rows, ...page, jobRows, ...job };
}

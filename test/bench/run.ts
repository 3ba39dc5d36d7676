/**
 * `npm run bench`: Lark Admin's add-contact form against @rjsf/core (the peer), a plain DOM page
 * with the same inputs (the floor) and those inputs made by bare React (the stack's floor), in Chromium, production builds, for workspaces of 50,
 * 200 and 500 fields served by the sandbox. Each run measures a cold load by address and a move
 * to the form by one click inside a loaded page. The subjects take turns within each run (the
 * order rotates), each load in a fresh browser context; figures are medians of RUNS runs with min
 * and max. Writes bench/results.json and prints a table with the ratio ours / rjsf.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureBuild } from '../../server/ensure-build.ts';
import { firstPageWeight, type PageWeight } from '../support/first-page-weight.ts';
import { PROJECT_ROOT, startServer } from '../support/server-process.ts';
import { measureAudit, type AuditFigures } from './audit-bench.ts';
import { measureBulk, type BulkFigures } from './bulk-bench.ts';
import { measureImport, type ImportFigures } from './import-bench.ts';
import { measurePage, type PageFigures, type Subject } from './measures.ts';
import { buildPeers, servePeers } from './peers.ts';
import { summarize, type Summary } from './stats.ts';
import { seedWorkspace } from './workspace.ts';

const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'forms,import,bulk,audit').split(',');
const SIZES = SCENARIOS.includes('forms') ? (process.env.BENCH_SIZES ?? '50,200,500').split(',').map(Number) : [];
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const JOB_ROWS = Number(process.env.BENCH_JOB_ROWS ?? 10_000);
const BULK_CONTACTS = Number(process.env.BENCH_BULK_CONTACTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SUBJECTS = ['lark', 'rjsf', 'plain', 'react'] as const;
type SubjectName = (typeof SUBJECTS)[number];

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function subjectsFor(larkUrl: string, peersUrl: string): Record<SubjectName, Subject> {
  return {
    lark: {
      name: 'lark',
      url: `${larkUrl}/contacts/new`,
      inApp: { url: `${larkUrl}/contacts`, role: 'link', name: 'Add contact' },
      idFor: (tag) => `field-${tag}`,
      submit: { button: 'Save contact', errorSelector: '[id$="-error"]', errorIdFor: (tag) => `field-${tag}-error` },
    },
    rjsf: {
      name: 'rjsf',
      url: `${peersUrl}/rjsf/`,
      inApp: { url: `${peersUrl}/rjsf/?inapp`, role: 'button', name: 'Add contact' },
      idFor: (tag) => `root_${tag}`,
      submit: { button: 'Submit', errorSelector: '[id$="__error"]', errorIdFor: (tag) => `root_${tag}__error` },
    },
    plain: {
      name: 'plain',
      url: `${peersUrl}/plain/`,
      inApp: { url: `${peersUrl}/plain/?inapp`, role: 'button', name: 'Add contact' },
      idFor: (tag) => `field-${tag}`,
    },
    react: {
      name: 'react',
      url: `${peersUrl}/react/`,
      inApp: { url: `${peersUrl}/react/?inapp`, role: 'button', name: 'Add contact' },
      idFor: (tag) => `field-${tag}`,
    },
  };
}

async function onFreshPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

type SizeResults = Record<SubjectName, Partial<Record<keyof PageFigures, Summary>>>;

await ensureBuild();
log('building the peer pages');
const peersDir = await buildPeers();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
});
const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, Chromium ${browser.version()}`;
const sizes: Record<number, SizeResults> = {};
let weights: Record<SubjectName, PageWeight> | undefined;

for (const size of SIZES) {
  const server = await startServer({ SANDBOX_DB: join(mkdtempSync(join(tmpdir(), 'lark-bench-')), 'bench.sqlite') });
  const peers = await servePeers(peersDir, () => server.url);
  try {
    log(`seeding ${size} fields`);
    const workspace = await seedWorkspace(server.url, size);
    const subjects = subjectsFor(server.url, peers.url);
    const figures = Object.fromEntries(SUBJECTS.map((name) => [name, [] as PageFigures[]])) as Record<SubjectName, PageFigures[]>;
    for (let run = 0; run < RUNS; run++) {
      const order = SUBJECTS.map((_, n) => SUBJECTS[(n + run) % SUBJECTS.length]!);
      for (const name of order) {
        const measured = await measurePage((work) => onFreshPage(browser, work), subjects[name], workspace);
        figures[name].push(measured);
        log(`${size} fields, run ${run + 1}/${RUNS}, ${name}: ${JSON.stringify(measured, (_, value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}`);
      }
    }
    sizes[size] = Object.fromEntries(
      SUBJECTS.map((name) => {
        const keys = Object.keys(figures[name][0]!) as (keyof PageFigures)[];
        return [name, Object.fromEntries(keys.map((key) => [key, summarize(figures[name].map((page) => page[key]!))]))];
      }),
    ) as SizeResults;
    weights ??= {
      lark: await onFreshPage(browser, (page) => firstPageWeight(page, `${server.url}/`, 'h1')),
      rjsf: await onFreshPage(browser, (page) => firstPageWeight(page, subjects.rjsf.url, 'form input')),
      plain: await onFreshPage(browser, (page) => firstPageWeight(page, subjects.plain.url, 'form input')),
      react: await onFreshPage(browser, (page) => firstPageWeight(page, subjects.react.url, 'form input')),
    };
  } finally {
    await peers.close();
    await server.stop();
  }
}
let importFigures: ImportFigures | undefined;
if (SCENARIOS.includes('import')) {
  const server = await startServer({ SANDBOX_DB: join(mkdtempSync(join(tmpdir(), 'lark-bench-')), 'bench.sqlite') });
  try {
    log(`import: ${IMPORT_ROWS} rows in the page, then a job of ${JOB_ROWS} rows`);
    importFigures = await measureImport(browser, server.url, IMPORT_ROWS, JOB_ROWS);
  } finally {
    await server.stop();
  }
}
let bulkFigures: BulkFigures | undefined;
if (SCENARIOS.includes('bulk')) {
  log(`bulk: ${BULK_CONTACTS} contacts`);
  bulkFigures = await measureBulk(browser, BULK_CONTACTS);
}
let auditFigures: AuditFigures | undefined;
if (SCENARIOS.includes('audit')) {
  log('audit: saves with and without the trail');
  auditFigures = await measureAudit(Number(process.env.BENCH_AUDIT_SAVES ?? 500));
}
await browser.close();

const results = {
  machine,
  runs: RUNS,
  firstPageWeight: weights,
  sizes,
  import: importFigures,
  bulk: bulkFigures,
  audit: auditFigures,
};
mkdirSync(join(PROJECT_ROOT, 'bench'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const FIGURES: [keyof PageFigures, string][] = [
  ['usableMs', 'usable (first input takes keys), ms'],
  ['allInputsMs', 'all inputs in the page, ms'],
  ['inAppUsableMs', 'in-app click → usable, ms'],
  ['inAppAllInputsMs', 'in-app click → all inputs, ms'],
  ['keyPaintMedianMs', 'keydown→paint median, ms'],
  ['keyPaintP95Ms', 'keydown→paint p95, ms'],
  ['keyEventMedianMs', 'Event Timing median, ms'],
  ['keyEventP95Ms', 'Event Timing p95, ms'],
  ['submitToErrorsMs', 'submit→errors, ms'],
  ['countryFilterMs', 'country letter→paint, ms'],
  ['countryEventMs', 'country letter, Event Timing, ms'],
  ['errorsShown', 'errors shown'],
];
const cell = (figure?: Summary) => (figure ? `${figure.median.toFixed(1)} (${figure.min.toFixed(1)}–${figure.max.toFixed(1)})` : '—');
console.log(`Medians of ${RUNS} runs each (a cold load and a move inside the page per run), interleaved (min–max). ${machine}`);
for (const [size, bySubject] of Object.entries(sizes)) {
  console.log(`\n${size} fields\n| figure | Lark Admin | rjsf | plain DOM | bare React | ours / rjsf |\n|---|---|---|---|---|---|`);
  for (const [key, title] of FIGURES) {
    const ours = bySubject.lark[key];
    const peer = bySubject.rjsf[key];
    const ratio = ours && peer ? (ours.median / peer.median).toFixed(2) : '—';
    console.log(`| ${title} | ${cell(ours)} | ${cell(peer)} | ${cell(bySubject.plain[key])} | ${cell(bySubject.react[key])} | ${ratio} |`);
  }
}
if (weights) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\nFirst page, gzip\n| | Lark Admin | rjsf | plain DOM | bare React | ours / rjsf |\n|---|---|---|---|---|---|`);
  for (const key of ['jsGzipBytes', 'cssGzipBytes'] as const) {
    console.log(`| ${key === 'jsGzipBytes' ? 'JS' : 'CSS'} | ${kb(weights.lark[key])} | ${kb(weights.rjsf[key])} | ${kb(weights.plain[key])} | ${kb(weights.react[key])} | ${weights.rjsf[key] ? (weights.lark[key] / weights.rjsf[key]).toFixed(2) : '—'} |`);
  }
}
if (importFigures) {
  const f = importFigures;
  console.log(`\nImport (one run; budgets from issue 14)\n| figure | measured | budget |\n|---|---|---|`);
  console.log(`| ${f.rows.toLocaleString('en')} rows × 12 columns: file chosen → every row checked, ms | ${f.fileToCountsMs.toFixed(0)} | ≤ 2000 (in the worker) |`);
  console.log(`| longest main-thread task meanwhile, ms | ${f.longestTaskMs.toFixed(0)} | ≤ 50 |`);
  console.log(`| grid scrolled top to bottom, frames a second | ${f.scrollFps.toFixed(1)} | ≥ 50 |`);
  console.log(`| tab holding the checked rows (renderer process, worker included), MB | ${f.rendererMb.toFixed(0)} | ≤ 300 |`);
  console.log(`| the same after scrolling the grid from top to bottom, MB | ${f.rendererAfterScrollMb.toFixed(0)} | — |`);
  console.log(`| sandbox job of ${f.jobRows.toLocaleString('en')} new contacts, rows a second | ${f.jobRowsPerSecond.toFixed(1)} | — |`);
  console.log(`| its requests a second, share of the jobs' 80 | ${f.jobRequestsPerSecond.toFixed(1)} (${(f.jobShareOfBudget * 100).toFixed(0)} %) | ≥ 90 % |`);
}
if (bulkFigures) {
  const f = bulkFigures;
  console.log(`\nBulk changes and export (one run; budgets from issue 15)\n| figure | measured | budget |\n|---|---|---|`);
  console.log(`| select all ${f.contacts.toLocaleString('en')} matching → Add tags → the job's page, ms | ${f.selectAllToJobMs} | ≤ 2000 |`);
  console.log(`| the job's requests a second, share of the jobs' 80 | ${f.jobRequestsPerSecond.toFixed(1)} (${(f.jobShareOfBudget * 100).toFixed(0)} %) | ≥ 90 % |`);
  console.log(`| export of ${f.contacts.toLocaleString('en')} contacts, ms | ${f.exportMs.toFixed(0)} (${(f.exportMs / f.searchesAloneMs).toFixed(2)} × its searches alone, ${f.searchesAloneMs.toFixed(0)} ms) | ≤ 1.2 × |`);
}
if (auditFigures) {
  const f = auditFigures;
  const ms = (figure: Summary) => `${figure.median.toFixed(2)} (${figure.min.toFixed(2)}–${figure.max.toFixed(2)})`;
  console.log(`\nAudit trail (medians of ${f.saves} saves each, interleaved; budget from issue 16)\n| figure | measured | budget |\n|---|---|---|`);
  console.log(`| a save (fresh read + partial upsert), no trail, ms | ${ms(f.withoutMs)} | — |`);
  console.log(`| the same save, recorded, ms | ${ms(f.withMs)} | — |`);
  console.log(`| added by the trail, ms | ${f.addedMs.toFixed(2)} | ≤ 2 |`);
  console.log(`| recording one entry alone (SQLite, synchronous=FULL), ms | ${ms(f.recordMs)} | — |`);
}

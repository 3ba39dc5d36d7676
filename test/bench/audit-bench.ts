/**
 * What the audit trail adds to a save, in-process on files as the server keeps them (WAL,
 * synchronous=FULL): the same save (the browser's fresh read, then a partial upsert) through a
 * workspace that records and one that does not, interleaved; and the recording alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccessFile } from '../../server/access/access-file.ts';
import { createApp } from '../../server/app.ts';
import { createAuditStore } from '../../server/audit/store.ts';
import { createRateBudget } from '../../server/jobs/rate-budget.ts';
import { openStore } from '../../server/sandbox/store.ts';
import { createWorkspace } from '../../server/workspace.ts';
import { summarize, type Summary } from './stats.ts';

export interface AuditFigures {
  saves: number;
  withoutMs: Summary;
  withMs: Summary;
  addedMs: number;
  recordMs: Summary;
}

function subject(dir: string, name: string, audited: boolean) {
  const store = openStore(join(dir, `${name}.sqlite`));
  const audit = audited ? createAuditStore(openAccessFile(join(dir, name))) : undefined;
  const backend = { mode: 'sandbox', store, requestsPerSecond: 1_000_000 } as const;
  const workspace = createWorkspace(backend, createRateBudget({ perSecond: 1_000_000 }), () => {}, audit);
  const app = createApp({ backend, workspace, audit, hostNames: new Set(['localhost']), log: () => {} });
  const call = (method: string, path: string, body?: unknown) =>
    app.request(`http://localhost${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { call, audit };
}

export async function measureAudit(saves: number): Promise<AuditFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lark-bench-audit-'));
  const plain = subject(dir, 'plain', false);
  const audited = subject(dir, 'audited', true);
  const emails = Array.from({ length: 100 }, (_, n) => `person${n}@example.com`);
  for (const { call } of [plain, audited]) {
    await call('POST', '/v1/fields', { label: 'Company', merge_tag: 'company', type: 'TEXT' });
    for (const email of emails) await call('POST', '/v1/contacts', { fields: { email_address: email }, status: 'SUBSCRIBED' });
  }
  const times = { plain: [] as number[], audited: [] as number[] };
  for (let n = 0; n < saves * 2; n++) {
    // Each save alternates which subject goes first, so neither gains from a warmer cache.
    const order = n % 2 === 0 ? (['plain', 'audited'] as const) : (['audited', 'plain'] as const);
    for (const name of order) {
      const { call } = name === 'plain' ? plain : audited;
      const email = emails[n % emails.length]!;
      const started = performance.now();
      await call('GET', `/v1/contacts/by-email?email=${encodeURIComponent(email)}`);
      await call('POST', '/v1/contacts/upsert', { email_address: email, fields: { company: `Company ${n}` }, partial_update: true });
      if (n >= saves) times[name].push(performance.now() - started);
    }
  }
  const record: number[] = [];
  for (let n = 0; n < saves; n++) {
    const started = performance.now();
    audited.audit!.record({
      actor: { id: 'bench', name: 'Bench' },
      kind: 'contact',
      action: 'changed',
      targetId: String(n),
      targetName: `person${n}@example.com`,
      changes: [{ key: 'company', before: 'A', after: 'B' }],
      job: null,
    });
    record.push(performance.now() - started);
  }
  const [withoutMs, withMs] = [summarize(times.plain), summarize(times.audited)];
  return { saves, withoutMs, withMs, addedMs: withMs.median - withoutMs.median, recordMs: summarize(record) };
}

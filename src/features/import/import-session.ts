/**
 * The page's side of the import worker: it asks, the engine answers. The rows stay in the worker;
 * the page holds the first rows and the rows in view, and gets counts and summaries.
 */
import type { KnownField } from '../../field-types/contact-values.ts';
import type { CheckConfig, CheckResult } from './check-rows.ts';
import type { DryRun } from './dry-run.ts';
import type { FromEngine, RunConfig, TableFacts, ToEngine } from './import-engine.ts';

export interface ImportSession {
  /** `fields`: the workspace's, which the worker matches the columns with. */
  read(source: File | string, fields: KnownField[]): Promise<TableFacts>;
  /** Rows already in cells (a job's refused rows), taken as a file would be. */
  load(headers: string[], rows: string[][], fields: KnownField[]): Promise<TableFacts>;
  /** The latest plan's check; an answer overtaken by a newer check is null. */
  check(config: CheckConfig): Promise<CheckResult | null>;
  rows(indexes: number[]): Promise<Map<number, string[]>>;
  edit(row: number, column: number, text: string): void;
  dryRun(config: RunConfig, onProgress: (text: string) => void): Promise<DryRun>;
  /** Sends the rows to a draft job; resolves with how many were sent. */
  upload(jobId: number, config: RunConfig, onProgress: (text: string) => void): Promise<number>;
  close(): void;
}

interface Pending {
  resolve: (answer: FromEngine) => void;
  reject: (error: Error) => void;
  onProgress?: (text: string) => void;
}

export function openImportSession(): ImportSession {
  let receive: (message: FromEngine) => void = () => {};
  let send: (message: ToEngine) => void;
  let close = () => {};
  if (typeof Worker === 'undefined') {
    // The engine (and Papa Parse with it) loads only here; in a browser it lives in the worker's chunk.
    const engine = import('./import-engine.ts').then(({ createEngine }) =>
      createEngine((message) => setTimeout(() => receive(message))),
    );
    send = (message) => void engine.then((handle) => handle(message));
  } else {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromEngine>) => receive(event.data);
    worker.onerror = (event) => receive({ kind: 'error', message: event.message || 'The file reader stopped.' });
    send = (message) => worker.postMessage(message);
    close = () => worker.terminate();
  }

  let reading: Pick<Pending, 'resolve' | 'reject'> | null = null;
  const pending = new Map<number, Pending>();
  let lastId = 0;
  let lastCheck = 0;

  receive = (message) => {
    if (message.kind === 'table') {
      reading?.resolve(message);
      reading = null;
    } else if (message.kind === 'error') {
      const error = new Error(message.message);
      reading?.reject(error);
      reading = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    } else {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      if (message.kind === 'progress') return waiting.onProgress?.(message.text);
      pending.delete(message.id);
      if (message.kind === 'failed') waiting.reject(new Error(message.message));
      else waiting.resolve(message);
    }
  };

  const table = (message: ToEngine) =>
    new Promise<TableFacts>((resolve, reject) => {
      reading = { resolve: (answer) => resolve((answer as Extract<FromEngine, { kind: 'table' }>).facts), reject };
      send(message);
    });
  const ask = <K extends FromEngine['kind']>(message: ToEngine, onProgress?: (text: string) => void) =>
    new Promise<Extract<FromEngine, { kind: K }>>((resolve, reject) => {
      pending.set((message as { id: number }).id, {
        resolve: (answer) => resolve(answer as Extract<FromEngine, { kind: K }>),
        reject,
        onProgress,
      });
      send(message);
    });

  return {
    read: (source, fields) => table({ kind: 'read', source, fields }),
    load: (headers, rows, fields) => table({ kind: 'load', headers, rows, fields }),
    async check(config) {
      const id = ++lastId;
      lastCheck = id;
      const answer = await ask<'checked'>({ kind: 'check', id, config });
      return id === lastCheck ? answer.result : null;
    },
    async rows(indexes) {
      const answer = await ask<'rows'>({ kind: 'rows', id: ++lastId, indexes });
      return new Map(answer.rows);
    },
    edit: (row, column, text) => send({ kind: 'edit', row, column, text }),
    async dryRun(config, onProgress) {
      return (await ask<'dry-run'>({ kind: 'dry-run', id: ++lastId, config }, onProgress)).summary;
    },
    async upload(jobId, config, onProgress) {
      return (await ask<'uploaded'>({ kind: 'upload', id: ++lastId, jobId, config }, onProgress)).count;
    },
    close,
  };
}

/**
 * The page's side of the import worker: read a file (its rows arrive in pieces), check the rows
 * against a plan (the latest check wins), and edit a cell in both copies.
 */
import type { CheckConfig, CheckResult } from './check-rows.ts';
import type { FromEngine, TableFacts, ToEngine } from './import-engine.ts';

export interface ReadTable extends TableFacts {
  rows: string[][];
}

export interface ImportSession {
  read(source: File | string): Promise<ReadTable>;
  /** Rows already in cells (a job's refused rows), taken as a file would be. */
  load(headers: string[], rows: string[][]): Promise<ReadTable>;
  check(config: CheckConfig): Promise<CheckResult | null>;
  edit(row: number, column: number, text: string): void;
  close(): void;
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

  let table: ReadTable | null = null;
  let reading: { resolve: (table: ReadTable) => void; reject: (error: Error) => void } | null = null;
  const checks = new Map<number, (result: CheckResult | null) => void>();
  let lastCheck = 0;

  receive = (message) => {
    if (message.kind === 'table') {
      table = { ...message.facts, rows: new Array<string[]>(message.facts.rowCount) };
      if (message.facts.rowCount === 0) reading?.resolve(table);
    } else if (message.kind === 'rows' && table) {
      message.rows.forEach((row, offset) => (table!.rows[message.start + offset] = row));
      if (message.start + message.rows.length >= table.rowCount) reading?.resolve(table);
    } else if (message.kind === 'checked') {
      // An answer overtaken by a newer check is dropped: the page shows the latest plan's result.
      for (const [id, settle] of checks) if (id <= message.id) settle(id === message.id ? message.result : null);
      for (const id of [...checks.keys()]) if (id <= message.id) checks.delete(id);
    } else if (message.kind === 'error') {
      reading?.reject(new Error(message.message));
      reading = null;
      for (const settle of checks.values()) settle(null);
      checks.clear();
    }
  };

  return {
    read(source) {
      return new Promise((resolve, reject) => {
        reading = { resolve, reject };
        send({ kind: 'read', source });
      });
    },
    load(headers, rows) {
      return new Promise((resolve, reject) => {
        reading = { resolve, reject };
        send({ kind: 'load', headers, rows });
      });
    },
    check(config) {
      const id = ++lastCheck;
      return new Promise((resolve) => {
        checks.set(id, resolve);
        send({ kind: 'check', id, config });
      });
    },
    edit(row, column, text) {
      const cells = table?.rows[row];
      if (cells) cells[column] = text;
      send({ kind: 'edit', row, column, text });
    },
    close,
  };
}

/** A file or pasted text read into packed rows, with what the page needs to show it. */
import { packed } from './packed-rows.ts';
import { parseFileBytes, parsePastedText, type ParsedTable, type TableEncoding } from './parse-table.ts';

/** The first rows travel to the page: enough to show each column and to match it by its values. */
export const SAMPLE_ROWS = 1000;

export type PackedTable = Omit<ParsedTable, 'rows'> & {
  encoding: TableEncoding;
  packed: string[];
  sample: string[][];
};

export async function readPacked(source: File | string): Promise<PackedTable> {
  const { rows, ...facts } =
    typeof source === 'string' ? parsePastedText(source) : parseFileBytes(new Uint8Array(await source.arrayBuffer()));
  return { ...facts, packed: packed(rows), sample: rows.slice(0, SAMPLE_ROWS) };
}

/** In a worker of its own where one can be started (so its memory goes when it ends), else here. */
export function readInWorker(source: File | string): Promise<PackedTable> {
  if (typeof Worker === 'undefined') return readPacked(source);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ ok: true; table: PackedTable } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.table);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The file reader stopped.'));
    };
    worker.postMessage(source);
  });
}

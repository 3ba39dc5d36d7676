/**
 * The import's work off the page: reading the file, keeping its rows, checking them all against
 * the plan. The worker runs it; where there is no Worker (the component tests' jsdom) the session
 * runs the same engine in the page, so both paths are one code.
 */
import { checkRows, type CheckConfig, type CheckResult } from './check-rows.ts';
import { parseFileBytes, parsePastedText, type ParsedTable, type TableEncoding } from './parse-table.ts';

export type TableFacts = Omit<ParsedTable, 'rows'> & { rowCount: number; encoding: TableEncoding };

export type ToEngine =
  | { kind: 'read'; source: File | string }
  /** Rows already split into cells: refused rows of a job, brought back to be fixed. */
  | { kind: 'load'; headers: string[]; rows: string[][] }
  | { kind: 'edit'; row: number; column: number; text: string }
  | { kind: 'check'; id: number; config: CheckConfig };

export type FromEngine =
  | { kind: 'table'; facts: TableFacts }
  | { kind: 'rows'; start: number; rows: string[][] }
  | { kind: 'checked'; id: number; result: CheckResult }
  | { kind: 'error'; message: string };

/** Rows travel to the page in pieces, so no single message holds the page up for long. */
const CHUNK = 5000;

async function readSource(source: File | string) {
  return typeof source === 'string'
    ? parsePastedText(source)
    : parseFileBytes(new Uint8Array(await source.arrayBuffer()));
}

const loaded = (headers: string[], rows: string[][]) => ({
  headers,
  rows,
  delimiter: ',' as const,
  rowNotes: new Map<number, string>(),
  notes: [],
  encoding: 'utf-8' as const,
});

export function createEngine(post: (message: FromEngine) => void) {
  let rows: string[][] = [];
  return async (message: ToEngine) => {
    try {
      if (message.kind === 'read' || message.kind === 'load') {
        const { rows: read, ...facts } =
          message.kind === 'read' ? await readSource(message.source) : loaded(message.headers, message.rows);
        rows = read;
        post({ kind: 'table', facts: { ...facts, rowCount: rows.length } });
        for (let start = 0; start < rows.length; start += CHUNK)
          post({ kind: 'rows', start, rows: rows.slice(start, start + CHUNK) });
      } else if (message.kind === 'edit') {
        const row = rows[message.row];
        if (row) row[message.column] = message.text;
      } else {
        post({ kind: 'checked', id: message.id, result: checkRows(rows, message.config) });
      }
    } catch (error) {
      post({ kind: 'error', message: (error as Error).message });
    }
  };
}

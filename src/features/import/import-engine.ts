/**
 * The import's work off the page. The file's rows live here only: the page gets the first rows
 * (to show and match the columns), the rows in view (for the grid), and answers (the check, the
 * dry run); the rows themselves go to the server from here. So a 100,000-row file never holds the
 * page up, and the tab keeps one copy of it. The worker runs this; where there is no Worker (the
 * component tests' jsdom) the session runs the same engine in the page.
 */
import { readEveryContact } from '../../api/contacts.ts';
import type { PageContact } from '../../api/contacts.ts';
import { sendJobRows } from '../../api/jobs.ts';
import { JOB_LIMITS, type ImportRowInput } from '../../contract/jobs.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { checkRows, type CheckConfig, type CheckResult } from './check-rows.ts';
import { matchedChoices, type ColumnChoice } from './column-choices.ts';
import { byEmail, dryRun, type DryRun } from './dry-run.ts';
import { importedRows, jobRowOf, type DuplicateRule, type RowOptions } from './job-rows.ts';
import { packed, rowsOf, type Rows } from './packed-rows.ts';
import type { ParsedTable, TableEncoding } from './parse-table.ts';
import { readInWorker, SAMPLE_ROWS, type PackedTable } from './read-source.ts';
import type { ImportMode } from '../../contract/jobs.ts';

export type TableFacts = Omit<ParsedTable, 'rows'> & {
  rowCount: number;
  encoding: TableEncoding;
  /** The first rows, as the file has them. */
  sample: string[][];
  /** Each column's field, matched by its header and values, with the way it writes them. */
  choices: ColumnChoice[];
};

/** What the dry run and the upload share: the plan, the rows it keeps, and how blanks and statuses go. */
export interface RunConfig extends CheckConfig, RowOptions {
  duplicates: DuplicateRule;
  mode: ImportMode;
  /** Existing contacts take the Status column too (only the dry run's count needs it here). */
  statusColumnConfirmed: boolean;
}

export type ToEngine =
  | { kind: 'read'; source: File | string; fields: KnownField[] }
  /** Rows already split into cells: refused rows of a job, brought back to be fixed. */
  | { kind: 'load'; headers: string[]; rows: string[][]; fields: KnownField[] }
  | { kind: 'edit'; row: number; column: number; text: string }
  | { kind: 'check'; id: number; config: CheckConfig }
  | { kind: 'rows'; id: number; indexes: number[] }
  | { kind: 'dry-run'; id: number; config: RunConfig }
  | { kind: 'upload'; id: number; jobId: number; config: RunConfig };

export type FromEngine =
  | { kind: 'table'; facts: TableFacts }
  | { kind: 'checked'; id: number; result: CheckResult }
  | { kind: 'rows'; id: number; rows: [number, string[]][] }
  | { kind: 'progress'; id: number; text: string }
  | { kind: 'dry-run'; id: number; summary: DryRun }
  | { kind: 'uploaded'; id: number; count: number }
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'error'; message: string };

const loaded = (headers: string[], rows: string[][]): PackedTable => ({
  headers,
  packed: packed(rows),
  sample: rows.slice(0, SAMPLE_ROWS),
  delimiter: ',',
  rowNotes: new Map(),
  notes: [],
  encoding: 'utf-8',
});

const count = (n: number) => n.toLocaleString('en');

/** A piece of rows stays well under the server's 1 MB body limit, however wide the file. */
const PIECE_BYTES = 700_000;
const utf8 = new TextEncoder();

export function createEngine(post: (message: FromEngine) => void) {
  let headers: string[] = [];
  let rows: Rows = rowsOf([]);
  /** The last check, by its plan's JSON: the dry run and the upload reuse it for the same plan. */
  let checked: { key: string; result: CheckResult } | null = null;
  const keyOf = (config: CheckConfig) => JSON.stringify([config.plans, config.emailColumn]);
  /** The workspace's contacts, read once per file for its dry runs. */
  let existing: Promise<Map<string, PageContact>> | null = null;

  const kept = (config: RunConfig) => {
    const result = checked?.key === keyOf(config) ? checked.result : checkRows(rows, config);
    return importedRows(rows.length, result, config.duplicates);
  };

  async function run(id: number, work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      post({ kind: 'failed', id, message: (error as Error).message });
    }
  }

  return async (message: ToEngine) => {
    try {
      if (message.kind === 'read' || message.kind === 'load') {
        const table =
          message.kind === 'read' ? await readInWorker(message.source) : loaded(message.headers, message.rows);
        headers = table.headers;
        rows = rowsOf(table.packed);
        checked = null;
        existing = null;
        const { packed: _, ...facts } = table;
        const choices = matchedChoices(headers, table.sample, message.fields);
        post({ kind: 'table', facts: { ...facts, rowCount: rows.length, choices } });
      } else if (message.kind === 'edit') {
        if (message.row < rows.length) rows.set(message.row, message.column, message.text);
      } else if (message.kind === 'check') {
        // Only the key is kept, so the plan (and the values its columns read once) can be let go.
        checked = { key: keyOf(message.config), result: checkRows(rows, message.config) };
        post({ kind: 'checked', id: message.id, result: checked.result });
      } else if (message.kind === 'rows') {
        post({ kind: 'rows', id: message.id, rows: message.indexes.map((index) => [index, rows.row(index)]) });
      } else if (message.kind === 'dry-run') {
        const { id, config } = message;
        await run(id, async () => {
          existing ??= readEveryContact((read, total) =>
            post({
              kind: 'progress',
              id,
              text: `Reading the workspace’s contacts: ${count(read)} of ${count(total)}…`,
            }),
          ).then(byEmail);
          const contacts = await existing.catch((error: unknown) => {
            existing = null;
            throw error;
          });
          const summary = dryRun({ rows, indexes: kept(config), existing: contacts, ...config });
          post({ kind: 'dry-run', id, summary });
        });
      } else {
        const { id, jobId, config } = message;
        // The file as it is now: choosing another one meanwhile cannot mix its rows into this job.
        const [file, columns] = [rows, headers];
        await run(id, async () => {
          const indexes = kept(config);
          const emailColumn = config.emailColumn;
          if (emailColumn === null) throw new Error('No column is mapped to Email Address.');
          let piece: ImportRowInput[] = [];
          let bytes = 0;
          const flush = async (sent: number) => {
            post({ kind: 'progress', id, text: `Sending rows: ${count(sent)} of ${count(indexes.length)}…` });
            await sendJobRows(jobId, piece);
            [piece, bytes] = [[], 0];
          };
          for (const [position, index] of indexes.entries()) {
            const row = jobRowOf(file.row(index), columns, config.plans, emailColumn, config);
            const size = utf8.encode(JSON.stringify(row)).length;
            if (piece.length === JOB_LIMITS.rowsPerCall || bytes + size > PIECE_BYTES) await flush(position);
            piece.push(row);
            bytes += size;
          }
          if (piece.length > 0) await flush(indexes.length);
          post({ kind: 'uploaded', id, count: indexes.length });
        });
      }
    } catch (error) {
      post({ kind: 'error', message: (error as Error).message });
    }
  };
}

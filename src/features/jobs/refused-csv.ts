/**
 * Refused rows as a CSV to fix and import again: the row's own columns as the file had them, and
 * the API's message in `error`. Papa Parse writes it; cells that a spreadsheet would run as a
 * formula (=, +, -, @) are escaped.
 */
import Papa from 'papaparse';
import type { ImportRowInput, JobRowView } from '../../contract/jobs.ts';

export function refusedRowsCsv(rows: readonly JobRowView[]): string {
  const records = rows.map((row): Record<string, unknown> => {
    const input = row.input as ImportRowInput;
    const columns: Record<string, unknown> = input.source ?? { email: input.email, ...input.fields };
    return { ...columns, error: row.message ?? '' };
  });
  const fields = [...new Set(records.flatMap((record) => Object.keys(record)).filter((key) => key !== 'error'))];
  return Papa.unparse(
    {
      fields: [...fields, 'error'],
      data: records.map((record) => [...fields, 'error'].map((key) => cell(record[key]))),
    },
    { escapeFormulae: true },
  );
}

const cell = (value: unknown) =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

/** Offers a file to save; a byte-order mark lets spreadsheet programs read it as UTF-8. */
export function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Refused rows as a CSV to fix and import again: the row's own columns as the file had them, and
 * the API's message in `error`. Papa Parse writes it; cells that a spreadsheet would run as a
 * formula (=, +, -, @) are escaped.
 */
import Papa from 'papaparse';
import type { ImportRowInput, JobRowView } from '../../contract/jobs.ts';
import { FORMULA_START } from '../../lib/csv-formulas.ts';

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
    { escapeFormulae: FORMULA_START },
  );
}

const cell = (value: unknown) =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);

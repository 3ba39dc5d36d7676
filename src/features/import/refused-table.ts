/** A job's refused rows as a table again: the columns the file had, each row as it was written. */
import type { ImportRowInput, JobRowView } from '../../contract/jobs.ts';

export function refusedTable(refused: readonly JobRowView[]): { headers: string[]; rows: string[][] } {
  const sources = refused.map((row) => {
    const input = row.input as ImportRowInput;
    return input.source ?? { email: input.email };
  });
  const headers = [...new Set(sources.flatMap((source) => Object.keys(source)))];
  return { headers, rows: sources.map((source) => headers.map((header) => source[header] ?? '')) };
}

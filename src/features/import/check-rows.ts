/**
 * Every row read through the plan, at once: the problems to mark, the counts at the top, the
 * addresses the file holds twice, and each dropdown column's values that are no option yet.
 * Runs in the import worker, so 100,000 rows never hold up the page.
 */
import { emailKey, readCell, type ColumnPlan } from './import-plan.ts';
import type { Rows } from './packed-rows.ts';

export interface CheckConfig {
  plans: readonly ColumnPlan[];
  /** The column mapped to the email field, or null while none is. */
  emailColumn: number | null;
}

export interface CheckResult {
  /** row → column → what is wrong, for rows with at least one problem. */
  problems: Map<number, Map<number, string>>;
  ready: number;
  /** Folded address → its rows, for addresses on more than one row. */
  duplicates: Map<string, number[]>;
  /** column → written value → rows holding it, for dropdown values that are no option of the field. */
  unknownOptions: Map<number, Map<string, number>>;
}

export function checkRows(rows: Rows, config: CheckConfig): CheckResult {
  const problems = new Map<number, Map<number, string>>();
  const byEmail = new Map<string, number[]>();
  const unknownOptions = new Map<number, Map<string, number>>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows.row(index);
    let found: Map<number, string> | undefined;
    let email: string | null = null;
    const mark = (column: number, message: string) => (found ??= new Map()).set(column, message);
    config.plans.forEach((plan, column) => {
      if (plan.target.kind === 'skip') return;
      const read = readCell(plan, row[column] ?? '');
      if ('problem' in read) {
        for (const value of read.unknown ?? []) {
          const counts = unknownOptions.get(column) ?? new Map<string, number>();
          counts.set(value, (counts.get(value) ?? 0) + 1);
          unknownOptions.set(column, counts);
        }
        return mark(column, read.problem);
      }
      if (column === config.emailColumn) email = String(read.value);
    });
    // Only a row that is imported can stand for its address (the first or the last one wins).
    if (email !== null && !found) {
      const key = emailKey(email);
      const rowsOfEmail = byEmail.get(key);
      if (rowsOfEmail) rowsOfEmail.push(index);
      else byEmail.set(key, [index]);
    }
    if (found) problems.set(index, found);
  }

  const duplicates = new Map([...byEmail].filter(([, indexes]) => indexes.length > 1));
  return {
    problems,
    ready: rows.length - problems.size,
    duplicates,
    unknownOptions,
  };
}

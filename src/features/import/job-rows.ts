/**
 * The rows an import sends, built from the file and the plan: only rows without problems, one row
 * per address (the first or last, as chosen), only the columns mapped, and a blank cell either
 * left out (the contact keeps its value) or sent as null (cleared), as the admin chose.
 */
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import type { ImportRowInput } from '../../contract/jobs.ts';
import type { ContactStatus } from '../../contract/statuses.ts';
import type { WireValue } from '../../contract/values.ts';
import { specForField } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import type { CheckResult } from './check-rows.ts';
import { cellRules, readCell, type ColumnPlan } from './import-plan.ts';

export interface RowOptions {
  blankKeeps: boolean;
}

/** Which row stands for an address the file holds more than once. */
export type DuplicateRule = 'last' | 'first';

/** Indexes of the rows to import, in file order. */
export function importedRows(rowCount: number, result: CheckResult, duplicates: DuplicateRule): number[] {
  const dropped = new Set<number>();
  for (const rows of result.duplicates.values()) {
    const kept = duplicates === 'first' ? rows[0] : rows.at(-1);
    for (const row of rows) if (row !== kept) dropped.add(row);
  }
  const indexes: number[] = [];
  for (let index = 0; index < rowCount; index++)
    if (!result.problems.has(index) && !dropped.has(index)) indexes.push(index);
  return indexes;
}

/** A row's values by merge tag as they will be written: a value, null (cleared) or absent (kept). */
export function valuesOf(row: readonly string[], plans: readonly ColumnPlan[], blankKeeps: boolean) {
  const values: Record<string, WireValue | null> = {};
  plans.forEach((plan, column) => {
    if (plan.target.kind !== 'field' || plan.target.field.merge_tag === EMAIL_MERGE_TAG) return;
    const { field } = plan.target;
    const read = readCell(plan, row[column] ?? '');
    if ('problem' in read) return;
    const wire = specForField(field).encode(read.value as FormValue, cellRules(field));
    if (wire !== undefined) values[field.merge_tag] = wire;
    else if (!blankKeeps) values[field.merge_tag] = null;
  });
  return values;
}

export function jobRowOf(
  row: readonly string[],
  headers: readonly string[],
  plans: readonly ColumnPlan[],
  emailColumn: number,
  options: RowOptions,
): ImportRowInput {
  const statusColumn = plans.findIndex((plan) => plan.target.kind === 'status');
  const status = statusColumn === -1 ? undefined : readCell(plans[statusColumn]!, row[statusColumn] ?? '');
  const source = Object.fromEntries(headers.map((header, column) => [header, row[column] ?? '']));
  const email = readCell(plans[emailColumn]!, row[emailColumn] ?? '');
  return {
    // Only rows whose address reads well are imported ("Name <a@b.co>" is sent as a@b.co).
    email: 'value' in email ? String(email.value) : '',
    fields: valuesOf(row, plans, options.blankKeeps),
    // A new contact takes the file's status; an existing one only when the admin confirmed it (params).
    ...(status && 'value' in status && status.value !== '' ? { status: status.value as ContactStatus } : {}),
    source,
  };
}

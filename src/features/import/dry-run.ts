/**
 * What an import would do, worked out before anything is written: the workspace's contacts read
 * by search (250 a page), compared with the rows to import, so the admin sees how many contacts
 * are created and updated, and how many stored values each column would overwrite.
 */
import type { PageContact } from '../../api/contacts.ts';
import type { ImportMode } from '../../contract/jobs.ts';
import { isDeepStrictEqualish } from './same-value.ts';
import { emailKey, readCell, type ColumnPlan } from './import-plan.ts';
import { valuesOf } from './job-rows.ts';
import type { Rows } from './packed-rows.ts';

export interface DryRun {
  /** Rows the import sends: those without problems, one per address. */
  rows: number;
  create: number;
  update: number;
  /** Rows the mode leaves alone (a known address in "Add new only", say). */
  leave: number;
  /** Merge tag → stored values the import would replace or clear. */
  overwritten: Map<string, number>;
  /** Existing contacts whose status the Status column would change. */
  statusChanges: number;
}

export interface DryRunInput {
  rows: Rows;
  indexes: readonly number[];
  plans: readonly ColumnPlan[];
  emailColumn: number | null;
  existing: ReadonlyMap<string, PageContact>;
  mode: ImportMode;
  blankKeeps: boolean;
  statusColumnConfirmed: boolean;
}

export const byEmail = (contacts: readonly PageContact[]) =>
  new Map(contacts.map((contact) => [emailKey(String(contact.data.email_address ?? '')), contact]));

export function dryRun(input: DryRunInput): DryRun {
  const result: DryRun = {
    rows: input.indexes.length,
    create: 0,
    update: 0,
    leave: 0,
    overwritten: new Map(),
    statusChanges: 0,
  };
  const statusColumn = input.plans.findIndex((plan) => plan.target.kind === 'status');
  if (input.emailColumn === null) return result;
  const emailPlan = input.plans[input.emailColumn]!;
  for (const index of input.indexes) {
    const row = input.rows.row(index);
    const email = readCell(emailPlan, row[input.emailColumn] ?? '');
    const contact = 'value' in email ? input.existing.get(emailKey(String(email.value))) : undefined;
    if (!contact) {
      if (input.mode === 'update-only') result.leave += 1;
      else result.create += 1;
      continue;
    }
    if (input.mode === 'add-only') {
      result.leave += 1;
      continue;
    }
    result.update += 1;
    for (const [tag, value] of Object.entries(valuesOf(row, input.plans, input.blankKeeps))) {
      const stored = contact.data[tag];
      if (stored === undefined || stored === null || stored === '' || isDeepStrictEqualish(stored, value)) continue;
      result.overwritten.set(tag, (result.overwritten.get(tag) ?? 0) + 1);
    }
    if (statusColumn !== -1 && input.statusColumnConfirmed) {
      // Read as the upload reads it: "pending" is Unconfirmed, a fix made for the column applies.
      const status = readCell(input.plans[statusColumn]!, row[statusColumn] ?? '');
      if ('value' in status && status.value !== '' && status.value !== contact.status) result.statusChanges += 1;
    }
  }
  return result;
}

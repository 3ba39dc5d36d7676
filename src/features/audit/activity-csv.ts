/**
 * The activity as a CSV: one row per changed value (an entry that changed none still gets one),
 * in the same words as the page. Papa Parse writes it; cells a spreadsheet would run as a formula
 * are escaped, since names and values come from anyone who can edit a contact.
 */
import Papa from 'papaparse';
import type { AuditEntry } from '../../contract/audit.ts';
import { FORMULA_START } from '../../lib/csv-formulas.ts';
import { changeText, type Names } from '../../components/audit/entry-words.ts';

/** A download reads every page of a filter; past this many entries it stops and says so. */
export const EXPORT_CAP = 100_000;

const COLUMNS = ['time', 'person', 'kind', 'action', 'target', 'change', 'before', 'after', 'job'];

export function activityCsv(entries: readonly AuditEntry[], names: Names): string {
  const data = entries.flatMap((entry) => {
    const about = [new Date(entry.at).toISOString(), entry.actor.name, entry.kind, entry.action, entry.targetName];
    const job = entry.job ? String(entry.job.id) : '';
    const changes = entry.changes.map((change) => {
      const text = changeText(entry, change, names);
      return [text.label, text.known ? text.before : '(not known)', text.after];
    });
    return (changes.length > 0 ? changes : [['', '', '']]).map((change) => [...about, ...change, job]);
  });
  return Papa.unparse({ fields: COLUMNS, data }, { escapeFormulae: FORMULA_START });
}

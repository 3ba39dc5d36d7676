/**
 * Contacts as CSV, a page at a time: the address first, then the chosen fields, the status and
 * the tags. Values are written as people read them ("Germany", "Yes") or as stored ("DE", true);
 * stored values import back unchanged. Papa Parse writes the cells; a cell a spreadsheet would run
 * as a formula is escaped.
 */
import Papa from 'papaparse';
import type { PageContact } from '../../api/contacts.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { specForField } from '../../field-types/registry.ts';
import { FORMULA_START } from '../../lib/csv-formulas.ts';

export type ExportValues = 'readable' | 'stored';

/** A list's items in one cell: split again on ";" by the import whatever the options hold. */
const LIST_SEPARATOR = '; ';

/** How one field's cells are written: its spec and rules worked out once a page, not once a cell. */
function cellWriter(field: KnownField, values: ExportValues): (stored: unknown) => string {
  if (values === 'stored')
    return (stored) =>
      stored === undefined || stored === null
        ? ''
        : Array.isArray(stored)
          ? stored.join(LIST_SEPARATOR)
          : String(stored);
  const spec = specForField(field);
  const rules = contactRules(field);
  return (stored) => spec.display(spec.decode(stored, rules));
}

export function exportHeader(fields: readonly KnownField[]): string[] {
  const email = fields.find((field) => field.merge_tag === EMAIL_MERGE_TAG);
  const others = fields.filter((field) => field.merge_tag !== EMAIL_MERGE_TAG);
  return [email?.label ?? 'Email Address', ...others.map((field) => field.label), 'Status', 'Tags'];
}

/** One page of contacts as CSV lines; `withHeader` for the first page. */
export function exportPage(
  contacts: readonly PageContact[],
  fields: readonly KnownField[],
  values: ExportValues,
  withHeader: boolean,
): string {
  const others = fields
    .filter((field) => field.merge_tag !== EMAIL_MERGE_TAG)
    .map((field) => ({ tag: field.merge_tag, write: cellWriter(field, values) }));
  const rows = contacts.map((contact) => [
    String(contact.data[EMAIL_MERGE_TAG] ?? ''),
    ...others.map(({ tag, write }) => write(contact.data[tag])),
    contact.status,
    contact.tags.map((tag) => tag.name).join(LIST_SEPARATOR),
  ]);
  const text = Papa.unparse(
    { fields: exportHeader(fields), data: rows },
    { escapeFormulae: FORMULA_START, header: withHeader },
  );
  return text + (text === '' ? '' : '\r\n');
}

/** The contacts list's table, its column chooser and its pager. */
import { useMemo } from 'react';
import type { Contact } from '../../api/schemas.ts';
import { Button } from '../../components/ui/button.tsx';
import { focusRing, linkClass } from '../../components/ui/styles.ts';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import type { SortField, SortOrder } from '../../contract/search.ts';
import { isContactStatus, type ContactStatus } from '../../contract/statuses.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { specForField } from '../../field-types/registry.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';
import { Link } from '../../lib/router/components.tsx';
import { PAGE_SIZE } from './contact-view.ts';

export function ColumnChooser({
  fields,
  chosen,
  onChange,
}: {
  fields: readonly KnownField[];
  chosen: string[];
  onChange: (columns: string[]) => void;
}) {
  const choosable = fields.filter((field) => field.merge_tag !== EMAIL_MERGE_TAG);
  return (
    <details className="mb-4 text-sm">
      <summary className={`cursor-pointer font-medium ${focusRing}`}>Columns</summary>
      <fieldset className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        <legend className="sr-only">Field columns to show</legend>
        {choosable.map((field) => (
          <label key={field.id} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={chosen.includes(field.merge_tag)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...chosen, field.merge_tag] : chosen.filter((tag) => tag !== field.merge_tag),
                )
              }
              className="size-4 accent-indigo-600"
            />
            {field.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const dateTime = (timestamp: string) =>
  new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface ContactsTableProps {
  contacts: Contact[];
  fields: readonly KnownField[];
  isSelected: (email: string) => boolean;
  onSelect: (emails: string[], on: boolean) => void;
  /** The sort the contract can do (by creation or change), shown and changed in the column headers. */
  sort: { by: SortField; order: SortOrder };
  onSort: (by: SortField, order: SortOrder) => void;
}

const BADGES: Record<ContactStatus, string> = {
  SUBSCRIBED: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  UNSUBSCRIBED: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  UNCONFIRMED: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  CLEANED: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  COMPLAINED: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
};

/** The status as a badge: its name in words (the colour only repeats it). */
function StatusBadge({ status }: { status: string }) {
  const known = isContactStatus(status);
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${known ? BADGES[status] : BADGES.UNSUBSCRIBED}`}
    >
      {known ? STATUS_MEANINGS[status].title : status}
    </span>
  );
}

/** A header that sorts: a button saying the order it will give, and aria-sort saying the one it has. */
function SortHeader({
  label,
  by,
  sort,
  onSort,
}: {
  label: string;
  by: SortField;
  sort: ContactsTableProps['sort'];
  onSort: ContactsTableProps['onSort'];
}) {
  const active = sort.by === by;
  const next: SortOrder = active && sort.order === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
      className="px-4 py-2 whitespace-nowrap"
    >
      <button type="button" onClick={() => onSort(by, next)} className={`font-semibold ${focusRing}`}>
        {label}
        <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ↑' : ' ↓') : ''}</span>
      </button>
    </th>
  );
}

/** Numbers line up on the right; days and times never break over two lines. */
const cellClassFor = (field: KnownField) =>
  field.type === 'NUMBER' ? 'text-right tabular-nums' : field.type === 'DATE' ? 'whitespace-nowrap' : '';

/** The selection box and the address stay in view when the table scrolls sideways. */
const stickyBox = 'sticky left-0 z-10 bg-white dark:bg-slate-900';
const stickyEmail = 'sticky left-10 z-10 bg-white dark:bg-slate-900';

const emailOf = (contact: Contact) => String(contact.data.email_address ?? '');

export function ContactsTable({ contacts, fields, isSelected, onSelect, sort, onSort }: ContactsTableProps) {
  const emails = contacts.map(emailOf);
  const picked = emails.filter(isSelected).length;
  // Each field's spec and rules once, not once a cell: a tick of a checkbox renders every row.
  const columns = useMemo(
    () =>
      fields.map((field) => {
        const spec = specForField(field);
        const rules = contactRules(field);
        return { field, show: (stored: unknown) => spec.display(spec.decode(stored, rules)) };
      }),
    [fields],
  );
  return (
    <TableRegion label="Contacts">
      <table className="w-full text-left text-sm">
        <thead className={tableHeadClass}>
          <tr>
            <th scope="col" className={`w-10 px-4 py-2 ${stickyBox} bg-slate-50 dark:bg-slate-800`}>
              <input
                type="checkbox"
                aria-label="Select all on this page"
                checked={picked === emails.length}
                ref={(box) => {
                  if (box) box.indeterminate = picked > 0 && picked < emails.length;
                }}
                onChange={(event) => onSelect(emails, event.target.checked)}
                className="size-4 accent-indigo-600"
              />
            </th>
            <th scope="col" className={`px-4 py-2 ${stickyEmail} bg-slate-50 dark:bg-slate-800`}>
              Email
            </th>
            {fields.map((field) => (
              <th key={field.id} scope="col" className={`px-4 py-2 ${cellClassFor(field)}`}>
                {field.label}
              </th>
            ))}
            <ColumnHeader>Status</ColumnHeader>
            <ColumnHeader>Tags</ColumnHeader>
            <SortHeader label="Created" by="created_at" sort={sort} onSort={onSort} />
            <SortHeader label="Changed" by="updated_at" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {contacts.map((contact) => {
            const email = emailOf(contact);
            return (
              <tr key={contact.id}>
                <td className={`px-4 py-2 ${stickyBox}`}>
                  <input
                    type="checkbox"
                    aria-label={email}
                    checked={isSelected(email)}
                    onChange={(event) => onSelect([email], event.target.checked)}
                    className="size-4 accent-indigo-600"
                  />
                </td>
                <th scope="row" className={`px-4 py-2 font-medium ${stickyEmail}`}>
                  <Link to={`/contacts/edit?email=${encodeURIComponent(email)}`} className={linkClass}>
                    {email}
                  </Link>
                </th>
                {columns.map(({ field, show }) => (
                  <td key={field.id} className={`px-4 py-2 ${cellClassFor(field)}`}>
                    {show(contact.data[field.merge_tag])}
                  </td>
                ))}
                <td className="px-4 py-2">
                  <StatusBadge status={contact.status} />
                </td>
                <td className="px-4 py-2">{contact.tags.map((tag) => tag.name).join(', ')}</td>
                <td className="px-4 py-2 whitespace-nowrap">{dateTime(contact.created_at)}</td>
                <td className="px-4 py-2 whitespace-nowrap">{dateTime(contact.updated_at)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function Pages({
  page,
  totalPages,
  onPage,
}: {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </Button>
      <span>
        Page {page} of {totalPages} ({PAGE_SIZE} a page)
      </span>
      <Button disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}

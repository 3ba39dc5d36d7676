/** The contacts list's table, its column chooser and its pager. */
import type { Contact } from '../../api/schemas.ts';
import { Button } from '../../components/ui/button.tsx';
import { focusRing } from '../../components/ui/styles.ts';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { isContactStatus } from '../../contract/statuses.ts';
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
}

const emailOf = (contact: Contact) => String(contact.data.email_address ?? '');

export function ContactsTable({ contacts, fields, isSelected, onSelect }: ContactsTableProps) {
  const emails = contacts.map(emailOf);
  const picked = emails.filter(isSelected).length;
  return (
    <TableRegion label="Contacts">
      <table className="w-full text-left text-sm">
        <thead className={tableHeadClass}>
          <tr>
            <th scope="col" className="w-10 px-4 py-2">
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
            <ColumnHeader>Email</ColumnHeader>
            <ColumnHeader>Status</ColumnHeader>
            <ColumnHeader>Tags</ColumnHeader>
            <ColumnHeader>Created</ColumnHeader>
            {fields.map((field) => (
              <ColumnHeader key={field.id}>{field.label}</ColumnHeader>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {contacts.map((contact) => {
            const email = emailOf(contact);
            return (
              <tr key={contact.id}>
                <td className="px-4 py-2">
                  <input
                    type="checkbox"
                    aria-label={email}
                    checked={isSelected(email)}
                    onChange={(event) => onSelect([email], event.target.checked)}
                    className="size-4 accent-indigo-600"
                  />
                </td>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link
                    to={`/contacts/edit?email=${encodeURIComponent(email)}`}
                    className={`text-indigo-800 underline dark:text-indigo-300 ${focusRing}`}
                  >
                    {email}
                  </Link>
                </th>
                <td className="px-4 py-2">
                  {isContactStatus(contact.status) ? STATUS_MEANINGS[contact.status].title : contact.status}
                </td>
                <td className="px-4 py-2">{contact.tags.map((tag) => tag.name).join(', ')}</td>
                <td className="px-4 py-2 whitespace-nowrap">{dateTime(contact.created_at)}</td>
                {fields.map((field) => {
                  const spec = specForField(field);
                  return (
                    <td key={field.id} className="px-4 py-2">
                      {spec.display(spec.decode(contact.data[field.merge_tag], contactRules(field)))}
                    </td>
                  );
                })}
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

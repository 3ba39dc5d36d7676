/** /contacts: find contacts by email, status, tags and one field condition; pages of 50. */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { contactQueries } from '../../api/contacts.ts';
import { fieldQueries } from '../../api/fields.ts';
import type { Contact } from '../../api/schemas.ts';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { focusRing } from '../../components/ui/styles.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { specForField } from '../../field-types/registry.ts';
import { Link, useSearchParams } from '../../lib/router/components.tsx';
import { contactRules, isKnown, type KnownField } from '../../field-types/contact-values.ts';
import { Filters } from './contact-filters.tsx';
import {
  appliedFilters,
  isFiltered,
  PAGE_SIZE,
  readView,
  searchOf,
  writeView,
  type ContactView,
} from './contact-view.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';

const COLUMNS_KEY = 'lark-admin:contact-columns';

function useChosenColumns(): [string[], (columns: string[]) => void] {
  const [columns, setColumns] = useState<string[]>(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '[]') as unknown;
      return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  });
  const choose = (next: string[]) => {
    setColumns(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };
  return [columns, choose];
}

export function ContactsPage() {
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const fields = useQuery(fieldQueries.all());
  const tags = useQuery(tagQueries.all());
  const known = useMemo(() => (fields.data ?? []).filter(isKnown), [fields.data]);
  const search = searchOf(view, known);
  const results = useQuery({ ...contactQueries.search(search), enabled: fields.isSuccess });
  const [columns, setColumns] = useChosenColumns();
  // On a narrow screen the filters fold away behind "Filters (n)"; wider, they are always shown.
  const [folded, setFolded] = useState(true);

  /** A new filter starts again at page 1; typing replaces history rather than piling it up. */
  const change = (patch: Partial<ContactView>, replace = false) =>
    setParams(writeView({ ...view, page: 1, ...patch }), { replace });

  const shownFields = known.filter((field) => columns.includes(field.merge_tag));

  return (
    <>
      <PageTitle
        actions={
          <>
            <Link to="/contacts/import" className={buttonClass()}>
              Import contacts
            </Link>
            <Link to="/contacts/new" className={buttonClass('primary')}>
              Add contact
            </Link>
          </>
        }
      >
        Contacts
      </PageTitle>
      <button
        type="button"
        aria-expanded={!folded}
        aria-controls="contact-filters"
        onClick={() => setFolded(!folded)}
        className={`${buttonClass('secondary')} mb-3 sm:hidden`}
      >
        Filters ({appliedFilters(view, known)})
      </button>
      <Filters
        id="contact-filters"
        view={view}
        fields={known}
        tags={tags.data ?? []}
        onChange={change}
        folded={folded}
      />
      <ColumnChooser fields={known} chosen={columns} onChange={setColumns} />
      {fields.isError || results.isError ? (
        <Alert title="The contacts could not be loaded.">
          <p>{(fields.error ?? results.error)?.message}</p>
          <Button onClick={() => void (fields.isError ? fields.refetch() : results.refetch())}>Try again</Button>
        </Alert>
      ) : !results.data ? (
        <p role="status">Loading the contacts…</p>
      ) : results.data.contacts.length === 0 ? (
        isFiltered(view) ? (
          <p role="status">
            No contacts match these filters.{' '}
            <button type="button" className={`underline ${focusRing}`} onClick={() => setParams(new URLSearchParams())}>
              Clear the filters
            </button>
          </p>
        ) : (
          <p role="status">
            No contacts yet.{' '}
            <Link to="/contacts/new" className="underline">
              Add the first one
            </Link>
            .
          </p>
        )
      ) : (
        <>
          <p role="status" className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {results.data.pagination.total_count} contact{results.data.pagination.total_count === 1 ? '' : 's'}
            {results.isPlaceholderData ? ' (updating…)' : ''}
          </p>
          <ContactsTable contacts={results.data.contacts} fields={shownFields} />
          <Pages
            page={view.page}
            totalPages={results.data.pagination.total_pages}
            onPage={(page) => change({ page })}
          />
        </>
      )}
    </>
  );
}

function ColumnChooser({
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

function ContactsTable({ contacts, fields }: { contacts: Contact[]; fields: readonly KnownField[] }) {
  return (
    <TableRegion label="Contacts">
      <table className="w-full text-left text-sm">
        <thead className={tableHeadClass}>
          <tr>
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
            const email = String(contact.data.email_address ?? '');
            return (
              <tr key={contact.id}>
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

function Pages({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
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

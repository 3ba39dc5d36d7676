/** /contacts: find contacts by email, status, tags and one field condition; pages of 50. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { contactQueries } from '../../api/contacts.ts';
import { fieldQueries } from '../../api/fields.ts';
import type { Contact, Tag } from '../../api/schemas.ts';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { MultiSelect } from '../../components/ui/multi-select.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { TableRegion, tableHeadClass } from '../../components/ui/table-region.tsx';
import { focusRing, inputClass } from '../../components/ui/styles.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { OPERATORS_BY_TYPE, type SearchOperator } from '../../contract/search.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { specForField } from '../../field-types/registry.ts';
import { Link, useSearchParams } from '../../lib/router.tsx';
import { contactRules, isKnown, type KnownField } from './contact-form-schema.ts';
import { isFiltered, operatorName, PAGE_SIZE, readView, searchOf, writeView, type ContactView } from './contact-view.ts';
import { StatusOptions } from './status-field.tsx';
import { STATUS_MEANINGS } from './statuses.ts';

const SORTS = [
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently changed first' },
  { value: 'updated_at:asc', label: 'Least recently changed first' },
] as const;

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

  /** A new filter starts again at page 1; typing replaces history rather than piling it up. */
  const change = (patch: Partial<ContactView>, replace = false) =>
    setParams(writeView({ ...view, page: 1, ...patch }), { replace });

  const shownFields = known.filter((field) => columns.includes(field.merge_tag));

  return (
    <>
      <PageTitle
        actions={
          <Link to="/contacts/new" className={buttonClass('primary')}>
            Add contact
          </Link>
        }
      >
        Contacts
      </PageTitle>
      <Filters view={view} fields={known} tags={tags.data ?? []} onChange={change} />
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
            No contacts yet. <Link to="/contacts/new" className="underline">Add the first one</Link>.
          </p>
        )
      ) : (
        <>
          <p role="status" className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {results.data.pagination.total_count} contact{results.data.pagination.total_count === 1 ? '' : 's'}
            {results.isPlaceholderData ? ' (updating…)' : ''}
          </p>
          <ContactsTable contacts={results.data.contacts} fields={shownFields} />
          <Pages page={view.page} totalPages={results.data.pagination.total_pages} onPage={(page) => change({ page })} />
        </>
      )}
    </>
  );
}

/**
 * Typed filter text reaches the URL, and so the API, only after a 300 ms pause, and in place of
 * the last entry: one search per pause, not one per keystroke.
 */
function useCommitAfterPause(typed: string, committed: string, commit: (text: string) => void) {
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(() => {
    if (typed === committed) return;
    const timer = setTimeout(() => latestCommit.current(typed), 300);
    return () => clearTimeout(timer);
  }, [typed, committed]);
}

function Filters({ view, fields, tags, onChange }: { view: ContactView; fields: readonly KnownField[]; tags: readonly Tag[]; onChange: (patch: Partial<ContactView>, replace?: boolean) => void }) {
  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  useCommitAfterPause(q, view.q, (text) => onChange({ q: text }, true));

  const conditionField = fields.find((field) => field.merge_tag === view.field);
  const operators = conditionField ? OPERATORS_BY_TYPE[conditionField.type] : [];
  const tagNames = (ids: number[]) => ids.map((id) => tags.find((tag) => tag.id === id)?.name ?? `Tag ${id}`);

  return (
    <form role="search" aria-label="Filter contacts" onSubmit={(event) => event.preventDefault()} className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
      <FormField id="filter-email" label="Search by email">
        {(aria) => <input {...aria} type="search" value={q} onChange={(event) => setQ(event.target.value)} className={inputClass} />}
      </FormField>
      <FormField id="filter-status" label="Status">
        {(aria) => (
          <select {...aria} value={view.status} onChange={(event) => onChange({ status: isContactStatus(event.target.value) ? event.target.value : '' })} className={inputClass}>
            <option value="">Any status</option>
            <StatusOptions />
          </select>
        )}
      </FormField>
      <FormField id="filter-tags" label="Tags" hint="Contacts with all of them.">
        {(aria) => (
          <MultiSelect
            {...aria}
            options={tags.map((tag) => tag.name)}
            value={tagNames(view.tags)}
            onChange={(names) => onChange({ tags: names.flatMap((name) => tags.find((tag) => tag.name === name)?.id ?? []) })}
          />
        )}
      </FormField>
      <FormField id="filter-sort" label="Sort">
        {(aria) => (
          <select
            {...aria}
            value={`${view.sort}:${view.order}`}
            onChange={(event) => {
              const [sort, order] = event.target.value.split(':') as [ContactView['sort'], ContactView['order']];
              onChange({ sort, order });
            }}
            className={inputClass}
          >
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="filter-field" label="Field">
        {(aria) => (
          <select {...aria} value={view.field} onChange={(event) => onChange({ field: event.target.value, op: '', value: '' })} className={inputClass}>
            <option value="">Any field</option>
            {fields
              .filter((field) => field.merge_tag !== EMAIL_MERGE_TAG)
              .map((field) => (
                <option key={field.id} value={field.merge_tag}>
                  {field.label}
                </option>
              ))}
          </select>
        )}
      </FormField>
      {conditionField && (
        <FormField id="filter-operator" label="Condition">
          {(aria) => (
            <select {...aria} value={view.op} onChange={(event) => onChange({ op: event.target.value as SearchOperator | '' })} className={inputClass}>
              <option value="">Choose a condition</option>
              {operators.map((operator) => (
                <option key={operator} value={operator}>
                  {operatorName(operator, conditionField.type === 'DATE')}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {conditionField && view.op && view.op !== 'EXISTS' && <ConditionValue key={conditionField.merge_tag} field={conditionField} text={view.value} onChange={(value) => onChange({ value }, true)} />}
      {isFiltered(view) && (
        <div className="flex items-end">
          <Button onClick={() => onChange({ q: '', status: '', tags: [], field: '', op: '', value: '' })}>Clear filters</Button>
        </div>
      )}
    </form>
  );
}

/** The condition's value, typed with the field's own widget; kept in the URL as text. */
function ConditionValue({ field, text, onChange }: { field: KnownField; text: string; onChange: (text: string) => void }) {
  const spec = specForField(field);
  const rules = { ...contactRules(field), label: 'Value', required: false };
  const [value, setValue] = useState(() => spec.parseDefault(text, rules));
  useCommitAfterPause(spec.formatDefault(value), text, onChange);
  const { Widget } = spec;
  return (
    <FormField id="filter-value" label="Value">
      {(aria) => <Widget {...aria} name="value" value={value} rules={rules} onChange={setValue} />}
    </FormField>
  );
}

function ColumnChooser({ fields, chosen, onChange }: { fields: readonly KnownField[]; chosen: string[]; onChange: (columns: string[]) => void }) {
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
              onChange={(event) => onChange(event.target.checked ? [...chosen, field.merge_tag] : chosen.filter((tag) => tag !== field.merge_tag))}
              className="size-4 accent-indigo-600"
            />
            {field.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const dateTime = (timestamp: string) => new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function ContactsTable({ contacts, fields }: { contacts: Contact[]; fields: readonly KnownField[] }) {
  return (
    <TableRegion label="Contacts">
      <table className="w-full text-left text-sm">
        <thead className={tableHeadClass}>
          <tr>
            <th scope="col" className="px-4 py-2">Email</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Tags</th>
            <th scope="col" className="px-4 py-2">Created</th>
            {fields.map((field) => (
              <th key={field.id} scope="col" className="px-4 py-2">
                {field.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {contacts.map((contact) => {
            const email = String(contact.data.email_address ?? '');
            return (
              <tr key={contact.id}>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link to={`/contacts/edit?email=${encodeURIComponent(email)}`} className={`text-indigo-800 underline dark:text-indigo-300 ${focusRing}`}>
                    {email}
                  </Link>
                </th>
                <td className="px-4 py-2">{isContactStatus(contact.status) ? STATUS_MEANINGS[contact.status].title : contact.status}</td>
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

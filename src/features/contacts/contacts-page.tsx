/** /contacts: find contacts by email, status, tags and one field condition; pages of 50. */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { contactQueries } from '../../api/contacts.ts';
import { fieldQueries } from '../../api/fields.ts';
import { useCan } from '../../api/me.ts';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { GuardedLink, NotAllowedNote } from '../../components/ui/not-allowed.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { focusRing } from '../../components/ui/styles.ts';
import { isKnown } from '../../field-types/contact-values.ts';
import { Link, useSearchParams } from '../../lib/router/components.tsx';
import { Filters } from './contact-filters.tsx';
import { appliedFilters, isFiltered, readView, searchesOf, writeView, type ContactView } from './contact-view.ts';
import { ColumnChooser, ContactsTable, Pages } from './contacts-table.tsx';
import { SavedViews } from './saved-views.tsx';
import { isSelected, selectedCount, useSelection } from './selection.ts';

// The selection's bar and its changes load with the first ticked box: a list only read never needs them.
const SelectionBar = lazy(() => import('./selection-bar.tsx'));
const ExportDialog = lazy(() => import('./export-dialog.tsx'));

const COLUMNS_KEY = 'lark-admin:contact-columns';

function useChosenColumns(): [string[], (columns: string[]) => void] {
  const [columns, setColumns] = useState<string[]>(() => {
    try {
      // Until the admin chooses, the list shows who each contact is: first and last name.
      const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '["first_name","last_name"]') as unknown;
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
  const searches = searchesOf(view, known);
  const results = useQuery({ ...contactQueries.anyOf(searches), enabled: fields.isSuccess });
  const [columns, setColumns] = useChosenColumns();
  // On a narrow screen the filters fold away behind "Filters (n)"; wider, they are always shown.
  const [folded, setFolded] = useState(true);
  const [exporting, setExporting] = useState(false);
  const edit = useCan('edit-contacts');

  /** A new filter starts again at page 1; typing replaces history rather than piling it up. */
  const change = (patch: Partial<ContactView>, replace = false) =>
    setParams(writeView({ ...view, page: 1, ...patch }), { replace });

  const shownFields = known.filter((field) => columns.includes(field.merge_tag));
  // A new search (any change but the page) starts a new selection.
  const { selection, toggle, selectAllMatching, clear } = useSelection(
    JSON.stringify(searches.map(({ page: _, ...rest }) => rest)),
  );
  const pageEmails = (results.data?.contacts ?? []).map((contact) => String(contact.data.email_address ?? ''));

  return (
    <>
      <PageTitle
        actions={
          <>
            <NotAllowedNote id="contacts-refusal" permission={edit} />
            <GuardedLink to="/contacts/import" permission={edit} reasonId="contacts-refusal">
              Import contacts
            </GuardedLink>
            <GuardedLink to="/contacts/new" variant="primary" permission={edit} reasonId="contacts-refusal">
              Add contact
            </GuardedLink>
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
      <SavedViews query={writeView({ ...view, page: 1 }).toString()} />
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
            No contacts yet.
            {edit.allowed && (
              <>
                {' '}
                <Link to="/contacts/new" className="underline">
                  Add the first one
                </Link>
                .
              </>
            )}
          </p>
        )
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
              {results.data.estimate ? 'About ' : ''}
              {results.data.pagination.total_count.toLocaleString('en')} contact
              {results.data.pagination.total_count === 1 ? '' : 's'}
              {results.data.estimate
                ? ' (first and last names are searched apart: a contact matching both counts twice)'
                : ''}
              {results.isPlaceholderData ? ' (updating…)' : ''}
            </p>
            <Button onClick={() => setExporting(true)}>Export CSV</Button>
          </div>
          {exporting && (
            <Suspense fallback={<p role="status">Opening…</p>}>
              <ExportDialog
                searches={searches}
                total={results.data.pagination.total_count}
                allFields={known}
                shownFields={shownFields}
                onClose={() => setExporting(false)}
              />
            </Suspense>
          )}
          {selectedCount(selection) > 0 && (
            <Suspense fallback={null}>
              <SelectionBar
                selection={selection}
                total={results.data.pagination.total_count}
                current={!results.isPlaceholderData}
                pageSelected={pageEmails.every((email) => isSelected(selection, email))}
                searches={searches}
                tags={tags.data ?? []}
                fields={known}
                onSelectAll={() => selectAllMatching(results.data.pagination.total_count)}
                onClear={clear}
              />
            </Suspense>
          )}
          <ContactsTable
            contacts={results.data.contacts}
            fields={shownFields}
            isSelected={(email) => isSelected(selection, email)}
            onSelect={toggle}
            sort={{ by: view.sort, order: view.order }}
            onSort={(sort, order) => change({ sort, order })}
          />
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

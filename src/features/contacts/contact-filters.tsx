/** The contacts list's filters: email, status, tags, sort and field conditions, kept in the URL. */
import { lazy, useEffect, useState } from 'react';
import type { Tag } from '../../api/schemas.ts';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { AfterFirstPaint } from '../../components/ui/after-first-paint.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { isFiltered, SORTS, type ContactView } from './contact-view.ts';
import { ConditionRows } from './condition-rows.tsx';
import { StatusOptions } from './status-field.tsx';
import { useCommitAfterPause } from './use-commit-after-pause.ts';

// The pickers' code (downshift, every field type's input) is not needed to show the list.
const MultiSelect = lazy(() =>
  import('../../components/ui/multi-select.tsx').then((module) => ({ default: module.MultiSelect })),
);

interface FiltersProps {
  id: string;
  view: ContactView;
  fields: readonly KnownField[];
  tags: readonly Tag[];
  onChange: (patch: Partial<ContactView>, replace?: boolean) => void;
  /** Folded away on a narrow screen until "Filters (n)" opens it. */
  folded: boolean;
}

export function Filters({ id, view, fields, tags, onChange, folded }: FiltersProps) {
  const [q, setQ] = useState(view.q);
  useEffect(() => setQ(view.q), [view.q]);
  useCommitAfterPause(q, view.q, (text) => onChange({ q: text }, true));
  const [name, setName] = useState(view.name);
  useEffect(() => setName(view.name), [view.name]);
  useCommitAfterPause(name, view.name, (text) => onChange({ name: text }, true));
  const hasNames = fields.some((field) => field.merge_tag === 'first_name' || field.merge_tag === 'last_name');

  const tagNames = (ids: number[]) => ids.map((tagId) => tags.find((tag) => tag.id === tagId)?.name ?? `Tag ${tagId}`);
  return (
    <form
      id={id}
      role="search"
      aria-label="Filter contacts"
      onSubmit={(event) => event.preventDefault()}
      className={`${folded ? 'max-sm:hidden' : ''} mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900`}
    >
      <FormField id="filter-email" label="Search by email">
        {(aria) => (
          <input
            {...aria}
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            className={inputClass}
          />
        )}
      </FormField>
      {hasNames && (
        <FormField id="filter-name" label="Name" hint="First or last name.">
          {(aria) => (
            <input
              {...aria}
              type="search"
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
      )}
      <FormField id="filter-status" label="Status">
        {(aria) => (
          <select
            {...aria}
            value={view.status}
            onChange={(event) => onChange({ status: isContactStatus(event.target.value) ? event.target.value : '' })}
            className={inputClass}
          >
            <option value="">Any status</option>
            <StatusOptions />
          </select>
        )}
      </FormField>
      <FormField id="filter-tags" label="Tags" hint="Contacts with all of them.">
        {(aria) => (
          <AfterFirstPaint
            fallback={<input {...aria} disabled value={tagNames(view.tags).join(', ')} className={inputClass} />}
          >
            <MultiSelect
              {...aria}
              options={tags.map((tag) => tag.name)}
              value={tagNames(view.tags)}
              onChange={(names) =>
                onChange({ tags: names.flatMap((name) => tags.find((tag) => tag.name === name)?.id ?? []) })
              }
            />
          </AfterFirstPaint>
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
      <ConditionRows
        rows={view.conditions}
        fields={fields}
        onChange={(conditions, replace) => onChange({ conditions }, replace)}
      />
      {isFiltered(view) && (
        <div className="flex items-end">
          <Button onClick={() => onChange({ q: '', name: '', status: '', tags: [], conditions: [] })}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}

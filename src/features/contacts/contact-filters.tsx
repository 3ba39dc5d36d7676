/** The contacts list's filters: email, status, tags, sort and one field condition, kept in the URL. */
import { lazy, useEffect, useState } from 'react';
import type { Tag } from '../../api/schemas.ts';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { AfterFirstPaint } from '../../components/ui/after-first-paint.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { OPERATORS_BY_TYPE, type SearchOperator } from '../../contract/search.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { BOOLEAN_CONDITIONS, conditionOf, isFiltered, operatorName, SORTS, type ContactView } from './contact-view.ts';
import { StatusOptions } from './status-field.tsx';
import { useCommitAfterPause } from './use-commit-after-pause.ts';

// The pickers' code (downshift, every field type's input) is not needed to show the list.
const MultiSelect = lazy(() =>
  import('../../components/ui/multi-select.tsx').then((module) => ({ default: module.MultiSelect })),
);
const ConditionValue = lazy(() => import('./condition-value.tsx'));

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

  const conditionField = fields.find((field) => field.merge_tag === view.field);
  const tagNames = (ids: number[]) => ids.map((tagId) => tags.find((tag) => tag.id === tagId)?.name ?? `Tag ${tagId}`);
  const unapplied =
    conditionField && conditionOf(view, fields) === null
      ? view.op && conditionField.type !== 'BOOLEAN'
        ? 'enter a value'
        : 'choose a condition'
      : null;

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
      <FormField id="filter-field" label="Field">
        {(aria) => (
          <select
            {...aria}
            value={view.field}
            onChange={(event) => onChange({ field: event.target.value, op: '', value: '' })}
            className={inputClass}
          >
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
      {conditionField && <Condition field={conditionField} view={view} onChange={onChange} />}
      {conditionField && view.op && view.op !== 'EXISTS' && conditionField.type !== 'BOOLEAN' && (
        <AfterFirstPaint fallback={null}>
          <ConditionValue
            key={conditionField.merge_tag}
            field={conditionField}
            text={view.value}
            onChange={(value) => onChange({ value }, true)}
          />
        </AfterFirstPaint>
      )}
      {unapplied && (
        <p className="self-end text-sm text-amber-800 sm:col-span-2 dark:text-amber-300">
          Condition not applied: {unapplied}.
        </p>
      )}
      {isFiltered(view) && (
        <div className="flex items-end">
          <Button onClick={() => onChange({ q: '', status: '', tags: [], field: '', op: '', value: '' })}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}

/**
 * The condition's operator. A yes/no field offers its three meaningful questions in one choice,
 * never a tick box whose unticked state would mean "any" before it is touched and "no" after.
 */
function Condition({
  field,
  view,
  onChange,
}: {
  field: KnownField;
  view: ContactView;
  onChange: (patch: Partial<ContactView>) => void;
}) {
  if (field.type === 'BOOLEAN') {
    const chosen = BOOLEAN_CONDITIONS.find(
      (choice) => choice.op === view.op && (choice.op === 'EXISTS' || choice.value === view.value),
    );
    return (
      <FormField id="filter-operator" label="Condition">
        {(aria) => (
          <select
            {...aria}
            value={chosen?.label ?? ''}
            onChange={(event) => {
              const choice = BOOLEAN_CONDITIONS.find((candidate) => candidate.label === event.target.value);
              onChange({ op: choice?.op ?? '', value: choice?.value ?? '' });
            }}
            className={inputClass}
          >
            <option value="">Choose a condition</option>
            {BOOLEAN_CONDITIONS.map((choice) => (
              <option key={choice.label} value={choice.label}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
    );
  }
  return (
    <FormField id="filter-operator" label="Condition">
      {(aria) => (
        <select
          {...aria}
          value={view.op}
          onChange={(event) => onChange({ op: event.target.value as SearchOperator | '' })}
          className={inputClass}
        >
          <option value="">Choose a condition</option>
          {OPERATORS_BY_TYPE[field.type].map((operator) => (
            <option key={operator} value={operator}>
              {operatorName(operator, field.type === 'DATE')}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

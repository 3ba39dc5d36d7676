/** The Activity page's filters (person, kind, days), kept in the address so a view can be shared. */
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import type { ActivityFilter, AuditKind } from '../../contract/audit.ts';

const KINDS: { value: AuditKind | ''; label: string }[] = [
  { value: '', label: 'All kinds' },
  { value: 'contact', label: 'Contacts' },
  { value: 'field', label: 'Fields' },
  { value: 'tag', label: 'Tags' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter an address asks for; what does not fit is left out rather than refused by the server. */
export function readFilter(params: URLSearchParams): ActivityFilter {
  const kind = KINDS.find((choice) => choice.value !== '' && choice.value === params.get('kind'))?.value;
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  return {
    actor: params.get('actor') || undefined,
    kind: kind || undefined,
    from: day('from'),
    to: day('to'),
  };
}

export const isFiltered = (filter: ActivityFilter) => Object.values(filter).some(Boolean);

interface FiltersProps {
  filter: ActivityFilter;
  actors: readonly { id: string; name: string }[];
  onChange: (filter: ActivityFilter, replace?: boolean) => void;
}

export function ActivityFilters({ filter, actors, onChange }: FiltersProps) {
  // A person asked for by a shared address may have no entries here: still shown as chosen.
  const people =
    filter.actor && !actors.some((actor) => actor.id === filter.actor)
      ? [...actors, { id: filter.actor, name: filter.actor }]
      : actors;
  const change = (patch: ActivityFilter, replace?: boolean) => onChange({ ...filter, ...patch }, replace);
  return (
    <form
      role="search"
      aria-label="Filter the activity"
      onSubmit={(event) => event.preventDefault()}
      className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <FormField id="activity-person" label="Person">
        {(aria) => (
          <select
            {...aria}
            value={filter.actor ?? ''}
            onChange={(event) => change({ actor: event.target.value || undefined })}
            className={inputClass}
          >
            <option value="">Everyone</option>
            {people.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="activity-kind" label="Kind">
        {(aria) => (
          <select
            {...aria}
            value={filter.kind ?? ''}
            onChange={(event) =>
              change({ kind: KINDS.find((choice) => choice.value === event.target.value)?.value || undefined })
            }
            className={inputClass}
          >
            {KINDS.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {(['from', 'to'] as const).map((name) => (
        <FormField key={name} id={`activity-${name}`} label={name === 'from' ? 'From' : 'To'} hint="Days in UTC.">
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={filter[name] ?? ''}
              max={name === 'from' ? filter.to : undefined}
              min={name === 'to' ? filter.from : undefined}
              onChange={(event) => change({ [name]: event.target.value || undefined }, true)}
              className={inputClass}
            />
          )}
        </FormField>
      ))}
    </form>
  );
}

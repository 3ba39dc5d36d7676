/**
 * A dropdown column's values that are no option of the field, each listed once with its row
 * count: add it as a new option, or read it as an existing one.
 */
import { parseDefinition } from '../../contract/field-types.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { describedBy, type Permission } from '../../components/ui/not-allowed.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { fieldOf, type ColumnChoice } from './column-choices.ts';

interface UnknownOptionsProps {
  header: string;
  choice: ColumnChoice;
  fields: readonly KnownField[];
  values: Map<string, number>;
  /** Adding an option changes the field: offered only to those who may, the others told why at `refusalId`. */
  newOptions: Permission;
  refusalId: string;
  onChange: (choice: ColumnChoice) => void;
}

/** More than this is a free-text column, not a list of options to sort out one by one. */
const SHOWN = 40;

export function UnknownOptions({
  header,
  choice,
  fields,
  values,
  newOptions,
  refusalId,
  onChange,
}: UnknownOptionsProps) {
  const field = fieldOf(choice.target, fields);
  if (!field) return null;
  const options = parseDefinition(field.definition);
  // Values already decided stay listed (the check no longer finds them), so a decision can be changed.
  const decided = [...choice.newOptions, ...Object.keys(choice.fixes)].filter((value) => !values.has(value));
  const listed: [string, number | null][] = [
    ...decided.map((value): [string, null] => [value, null]),
    ...[...values].sort((a, b) => b[1] - a[1]).slice(0, SHOWN),
  ];
  const decide = (value: string, decision: string) => {
    const fixes = Object.fromEntries(Object.entries(choice.fixes).filter(([written]) => written !== value));
    const newOptions = choice.newOptions.filter((option) => option !== value);
    if (decision === 'add') newOptions.push(value);
    else if (decision.startsWith('use:')) fixes[value] = decision.slice(4);
    onChange({ ...choice, fixes, newOptions });
  };
  return (
    <fieldset className="space-y-1 rounded-md border border-amber-300 p-2 dark:border-amber-700">
      <legend className="px-1 text-xs font-medium">
        Values of “{header}” that are not options of {field.label}
      </legend>
      {listed.map(([value, count]) => (
        <label key={value} className="flex flex-wrap items-center gap-2 text-xs">
          <span>
            “{value}”{count !== null && ` · ${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`}
          </span>
          <select
            aria-label={`What to do with “${value}”`}
            aria-describedby={describedBy(newOptions, refusalId)}
            value={choice.newOptions.includes(value) ? 'add' : choice.fixes[value] ? `use:${choice.fixes[value]}` : ''}
            onChange={(event) => decide(value, event.target.value)}
            className={`${inputClass} w-auto`}
          >
            <option value="">Leave it (the rows show a problem)</option>
            {newOptions.allowed && <option value="add">Add as a new option</option>}
            {options.map((option) => (
              <option key={option} value={`use:${option}`}>
                Use option “{option}”
              </option>
            ))}
          </select>
        </label>
      ))}
      {values.size > SHOWN && <p className="text-xs">…and {values.size - SHOWN} more values.</p>}
    </fieldset>
  );
}

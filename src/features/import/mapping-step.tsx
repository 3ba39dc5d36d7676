/** Step 2: where each column goes, how it writes its values, and what its unknown options become. */
import { useMemo } from 'react';
import { hasOptions } from '../../contract/field-types.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { specFor } from '../../field-types/registry.ts';
import { describedBy, NotAllowedNote, type Permission } from '../../components/ui/not-allowed.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { choiceFor, fieldOf, newFieldTarget, type ChoiceTarget, type ColumnChoice } from './column-choices.ts';
import { ReadingQuestion } from './reading-question.tsx';
import { UnknownOptions } from './unknown-options.tsx';

interface MappingStepProps {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  fields: readonly KnownField[];
  choices: readonly ColumnChoice[];
  /** Making a field or an option is the workspace's: refused, neither is offered, and the reason says why. */
  newFields: Permission;
  unknownOptions: Map<number, Map<string, number>>;
  onChange: (column: number, choice: ColumnChoice) => void;
}

const isDropdown = (field: KnownField | null) => field !== null && hasOptions(field.type);

const valueOf = (target: ChoiceTarget) =>
  target.kind === 'field' ? `field:${target.mergeTag}` : target.kind === 'new' ? 'new' : target.kind;

/** Up to three different values from the first rows: a column of two values must not scan the whole file. */
const SAMPLED_ROWS = 1000;

function sampleOf(rows: readonly (readonly string[])[], column: number) {
  const values: string[] = [];
  for (const row of rows.slice(0, SAMPLED_ROWS)) {
    const value = (row[column] ?? '').trim();
    if (value !== '' && !values.includes(value)) values.push(value);
    if (values.length === 3) break;
  }
  return values.join(' · ');
}

const REFUSAL_ID = 'new-fields-refusal';

export function MappingStep({ headers, rows, fields, choices, newFields, unknownOptions, onChange }: MappingStepProps) {
  const samples = useMemo(() => headers.map((_, column) => sampleOf(rows, column)), [headers, rows]);
  const usedBy = new Map(
    choices.flatMap((choice, column) => (choice.target.kind === 'field' ? [[choice.target.mergeTag, column]] : [])),
  );
  const statusColumn = choices.findIndex((choice) => choice.target.kind === 'status');

  const choose = (column: number, value: string) => {
    const header = headers[column]!;
    const target: ChoiceTarget =
      value === 'new'
        ? newFieldTarget(header, rows, column, fields)
        : value === 'status'
          ? { kind: 'status' }
          : value.startsWith('field:')
            ? { kind: 'field', mergeTag: value.slice(6) }
            : { kind: 'skip' };
    onChange(column, choiceFor(target, rows, column, fields));
  };

  return (
    <section aria-labelledby="mapping-step" className="mt-8">
      <h2 id="mapping-step" className="mb-2 font-semibold">
        Map the columns
      </h2>
      <NotAllowedNote id={REFUSAL_ID} permission={newFields} className="mb-2">
        A column goes to an existing field, and a value to an existing option.
      </NotAllowedNote>
      <TableRegion label="Columns">
        <table className="w-full text-left text-sm">
          <thead className={tableHeadClass}>
            <tr>
              <ColumnHeader>Column</ColumnHeader>
              <ColumnHeader>Values</ColumnHeader>
              <ColumnHeader>Goes to</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {headers.map((header, column) => {
              const choice = choices[column]!;
              const { target } = choice;
              return (
                <tr key={column} className="border-t border-slate-200 align-top dark:border-slate-800">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {header}
                  </th>
                  <td className="max-w-60 truncate px-3 py-2 text-slate-600 dark:text-slate-400">{samples[column]}</td>
                  <td className="space-y-2 px-3 py-2">
                    <select
                      aria-label={`Map column “${header}”`}
                      aria-describedby={describedBy(newFields, REFUSAL_ID)}
                      value={valueOf(target)}
                      onChange={(event) => choose(column, event.target.value)}
                      className={inputClass}
                    >
                      <option value="skip">Don&apos;t import</option>
                      {fields.map((field) => (
                        <option
                          key={field.merge_tag}
                          value={`field:${field.merge_tag}`}
                          disabled={usedBy.has(field.merge_tag) && usedBy.get(field.merge_tag) !== column}
                        >
                          {field.label}
                        </option>
                      ))}
                      <option value="status" disabled={statusColumn !== -1 && statusColumn !== column}>
                        Status
                      </option>
                      {newFields.allowed && <option value="new">New field “{header}”</option>}
                    </select>
                    {target.kind === 'new' && (
                      <p className="text-xs">
                        A new {specFor(target.proposal.type).title.toLowerCase()} field “{target.proposal.label}” (merge
                        tag {target.proposal.merge_tag}) is made before the import starts.
                      </p>
                    )}
                    <ReadingQuestion
                      header={header}
                      choice={choice}
                      fields={fields}
                      onChange={(next) => onChange(column, next)}
                    />
                    {isDropdown(fieldOf(target, fields)) &&
                      (unknownOptions.has(column) ||
                        choice.newOptions.length > 0 ||
                        Object.keys(choice.fixes).length > 0) && (
                        <UnknownOptions
                          header={header}
                          choice={choice}
                          fields={fields}
                          values={unknownOptions.get(column) ?? new Map()}
                          newOptions={newFields}
                          refusalId={REFUSAL_ID}
                          onChange={(next) => onChange(column, next)}
                        />
                      )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

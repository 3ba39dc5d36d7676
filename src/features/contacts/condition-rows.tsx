/**
 * The search's field conditions, all of which must hold: one row a condition, and always one more
 * empty row to add the next. Each row has the field, the condition, and the value typed with the
 * field's own input.
 */
import { lazy } from 'react';
import { AfterFirstPaint } from '../../components/ui/after-first-paint.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { OPERATORS_BY_TYPE, type SearchOperator } from '../../contract/search.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { BOOLEAN_CONDITIONS, conditionOf, operatorName, type ConditionRow } from './contact-view.ts';

// The value's input (every field type's, downshift's pickers) is not needed to show the list.
const ConditionValue = lazy(() => import('./condition-value.tsx'));

const EMPTY: ConditionRow = { field: '', op: '', value: '' };

interface ConditionRowsProps {
  rows: readonly ConditionRow[];
  fields: readonly KnownField[];
  onChange: (rows: ConditionRow[], replace?: boolean) => void;
}

export function ConditionRows({ rows, fields, onChange }: ConditionRowsProps) {
  const shown = [...rows, EMPTY];
  const set = (index: number, patch: Partial<ConditionRow>, replace = false) =>
    onChange(
      shown.map((row, at) => (at === index ? { ...row, ...patch } : row)).filter((row) => row.field !== ''),
      replace,
    );
  return (
    <>
      {shown.map((row, index) => (
        <Row
          key={index}
          index={index}
          count={shown.length}
          row={row}
          fields={fields}
          onChange={(patch, replace) => set(index, patch, replace)}
          onRemove={() => onChange(rows.filter((_, at) => at !== index))}
        />
      ))}
    </>
  );
}

function Row({
  index,
  count,
  row,
  fields,
  onChange,
  onRemove,
}: {
  index: number;
  count: number;
  row: ConditionRow;
  fields: readonly KnownField[];
  onChange: (patch: Partial<ConditionRow>, replace?: boolean) => void;
  onRemove: () => void;
}) {
  const field = fields.find((candidate) => candidate.merge_tag === row.field);
  const id = (part: string) => (index === 0 ? `filter-${part}` : `filter-${part}-${index + 1}`);
  const unapplied =
    field && conditionOf(row, fields) === null
      ? row.op && field.type !== 'BOOLEAN'
        ? 'enter a value'
        : 'choose a condition'
      : null;
  return (
    <fieldset className="contents">
      <legend className="sr-only">{count > 1 ? `Condition ${index + 1}` : 'Condition'}</legend>
      <FormField id={id('field')} label={index === 0 ? 'Field' : 'And field'}>
        {(aria) => (
          <select
            {...aria}
            value={row.field}
            onChange={(event) => onChange({ field: event.target.value, op: '', value: '' })}
            className={inputClass}
          >
            <option value="">{index === 0 ? 'Any field' : 'No more conditions'}</option>
            {fields
              .filter((candidate) => candidate.merge_tag !== EMAIL_MERGE_TAG)
              .map((candidate) => (
                <option key={candidate.id} value={candidate.merge_tag}>
                  {candidate.label}
                </option>
              ))}
          </select>
        )}
      </FormField>
      {field && <Operator id={id('operator')} field={field} row={row} onChange={onChange} />}
      {field && row.op && row.op !== 'EXISTS' && field.type !== 'BOOLEAN' && (
        <AfterFirstPaint fallback={null}>
          <ConditionValue
            key={field.merge_tag}
            id={id('value')}
            field={field}
            text={row.value}
            onChange={(value) => onChange({ value }, true)}
          />
        </AfterFirstPaint>
      )}
      {field && (
        <div className="flex items-end">
          {/* Named by its place too: two conditions can ask the same field. */}
          <Button onClick={onRemove}>{`Remove condition ${index + 1} (${field.label})`}</Button>
        </div>
      )}
      {unapplied && (
        <p className="self-end text-sm text-amber-800 sm:col-span-2 dark:text-amber-300">
          Condition not applied: {unapplied}.
        </p>
      )}
    </fieldset>
  );
}

/**
 * The condition's operator. A yes/no field offers its three meaningful questions in one choice,
 * never a tick box whose unticked state would mean "any" before it is touched and "no" after.
 */
function Operator({
  id,
  field,
  row,
  onChange,
}: {
  id: string;
  field: KnownField;
  row: ConditionRow;
  onChange: (patch: Partial<ConditionRow>) => void;
}) {
  if (field.type === 'BOOLEAN') {
    const chosen = BOOLEAN_CONDITIONS.find(
      (choice) => choice.op === row.op && (choice.op === 'EXISTS' || choice.value === row.value),
    );
    return (
      <FormField id={id} label="Condition">
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
    <FormField id={id} label="Condition">
      {(aria) => (
        <select
          {...aria}
          value={row.op}
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

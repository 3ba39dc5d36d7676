/** One cell of the review grid: its value as it will be imported, or its problem; editable in place. */
import { useEffect, useRef, useState } from 'react';
import { inputsFor } from '../../field-types/inputs/registry.ts';
import { specForField } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import { inputClass } from '../../components/ui/styles.ts';
import { cellRules, readCell, type ColumnPlan } from './import-plan.ts';

interface GridCellProps {
  header: string;
  row: number;
  column: number;
  written: string;
  plan: ColumnPlan;
  problem: string | undefined;
  editing: boolean;
  onStartEdit: () => void;
  /** The new text (null: left as it was), and whether it replaces this value on every row. */
  onEnd: (text: string | null, everyRow: boolean) => void;
}

function shownValue(plan: ColumnPlan, written: string): string {
  const read = readCell(plan, written);
  if ('problem' in read || plan.target.kind !== 'field') return 'problem' in read ? written : String(read.value);
  const spec = specForField(plan.target.field);
  return spec.display(read.value as FormValue);
}

export function GridCell({ header, row, column, written, plan, problem, editing, onStartEdit, onEnd }: GridCellProps) {
  const id = `cell-${row}-${column}`;
  if (editing)
    return <CellEditor header={header} row={row} column={column} written={written} plan={plan} onEnd={onEnd} />;
  return (
    <span role="cell" className={`truncate px-1 py-1 ${problem ? 'bg-red-50 dark:bg-red-950' : ''}`}>
      <button
        type="button"
        onClick={onStartEdit}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="w-full truncate rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
        title={problem}
      >
        {problem && (
          <span aria-hidden="true" className="mr-1 font-bold text-red-700 dark:text-red-400">
            !
          </span>
        )}
        {shownValue(plan, written) || <span className="text-slate-400">—</span>}
      </button>
      {problem && (
        <span id={`${id}-problem`} className="sr-only">
          {problem}
        </span>
      )}
    </span>
  );
}

function CellEditor({ header, row, written, plan, onEnd }: Omit<GridCellProps, 'problem' | 'editing' | 'onStartEdit'>) {
  const read = readCell(plan, written);
  const field = plan.target.kind === 'field' ? plan.target.field : null;
  // A value that reads well is edited with its field's own input; one that does not, as the text it is.
  const typed = field !== null && !('problem' in read);
  const [value, setValue] = useState<FormValue | string>(typed ? (read.value as FormValue) : written);
  const [everyRow, setEveryRow] = useState(false);
  // Written back as the column writes its values, so the column's reading reads it as meant.
  const textOf = (current: FormValue | string) => {
    if (!typed || !field) return String(current);
    const text = specForField(field).formatDefault(current as FormValue);
    return field.type === 'NUMBER' && plan.reading.decimal === ',' ? text.replace('.', ',') : text;
  };
  const label = `${header}, row ${row + 1}`;
  const { Widget } = field ? inputsFor(field) : { Widget: null };
  const panel = useRef<HTMLSpanElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  return (
    <span role="cell" className="relative">
      <span
        ref={panel}
        className="absolute top-0 left-0 z-20 flex min-w-64 flex-col gap-1 rounded-md border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-900"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onEnd(null, false);
          // Enter in the input applies; in a picker's open list it chooses an option, on a button it presses it.
          const fromInput =
            event.target instanceof HTMLElement && event.target.matches('input:not([type=checkbox]), select');
          if (event.key === 'Enter' && fromInput && !event.defaultPrevented) onEnd(textOf(value), everyRow);
        }}
      >
        {typed && Widget && field ? (
          <>
            <label htmlFor={`edit-${row}`} className="sr-only">
              {label}
            </label>
            <Widget
              id={`edit-${row}`}
              name={label}
              value={value as FormValue}
              rules={{ ...cellRules(field), label }}
              onChange={setValue}
            />
          </>
        ) : (
          <input
            aria-label={label}
            value={String(value)}
            onChange={(event) => setValue(event.target.value)}
            className={inputClass}
          />
        )}
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={everyRow} onChange={(event) => setEveryRow(event.target.checked)} />
          Every “{written}” in this column
        </label>
        <span className="flex gap-1">
          <button type="button" className="text-xs underline" onClick={() => onEnd(textOf(value), everyRow)}>
            Apply
          </button>
          <button type="button" className="text-xs underline" onClick={() => onEnd(null, false)}>
            Cancel
          </button>
        </span>
      </span>
    </span>
  );
}

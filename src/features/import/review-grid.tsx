/**
 * Every row of the file with its values as they will be imported, in a grid that draws only the
 * rows in view (TanStack Virtual), so 100,000 rows scroll like 100. A cell that fails the contact
 * form's checks says why; any cell can be corrected in place with its field's own input.
 */
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { CheckResult } from './check-rows.ts';
import { GridCell } from './grid-cell.tsx';
import type { ColumnPlan } from './import-plan.ts';
import type { ImportSession } from './import-session.ts';

interface ReviewGridProps {
  headers: readonly string[];
  session: ImportSession;
  plans: readonly ColumnPlan[];
  result: CheckResult | null;
  /** Row indexes to show, in order. */
  shown: readonly number[];
  /** `written`: the cell as the file has it, which a fix for every row replaces. */
  onEdit: (edit: { row: number; column: number; written: string; text: string; everyRow: boolean }) => void;
}

/** Rows kept in the page at most: the ones in view and around them come from the worker as needed. */
const CACHED_ROWS = 2000;

/** The rows in view, fetched from the worker that holds them; a row on its way shows as blank. */
function useRowsInView(session: ImportSession, indexes: readonly number[]) {
  const [cache, setCache] = useState(() => new Map<number, string[]>());
  const wanted = indexes.filter((index) => !cache.has(index));
  const key = wanted.join(',');
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void session.rows(key.split(',').map(Number)).then((fetched) => {
      if (!current) return;
      setCache((old) => new Map([...(old.size > CACHED_ROWS ? [] : old), ...fetched]));
    });
    return () => {
      current = false;
    };
  }, [session, key]);
  const patch = (row: number, column: number, text: string) =>
    setCache((old) => {
      const cells = [...(old.get(row) ?? [])];
      cells[column] = text;
      return new Map(old).set(row, cells);
    });
  return { cache, patch };
}

const ROW_HEIGHT = 36;
/** Where nothing is laid out (jsdom, a hidden tab's first frame), the grid still draws a screenful. */
const INITIAL_RECT = { width: 1024, height: 480 };

export function ReviewGrid({ headers, session, plans, result, shown, onEdit }: ReviewGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ row: number; column: number } | null>(null);
  const columns = plans.flatMap((plan, column) => (plan.target.kind === 'skip' ? [] : [column]));
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: INITIAL_RECT,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height === 0 ? INITIAL_RECT : rect)),
  });
  const template = `5rem repeat(${columns.length}, minmax(10rem, 1fr))`;
  const items = virtualizer.getVirtualItems();
  const { cache, patch } = useRowsInView(
    session,
    items.map((item) => shown[item.index]!),
  );

  return (
    <div
      ref={scroller}
      role="table"
      aria-label="Rows to import"
      aria-rowcount={shown.length + 1}
      tabIndex={0}
      className="h-[28rem] overflow-auto rounded-lg border border-slate-200 text-sm dark:border-slate-800"
    >
      <div role="rowgroup" className="sticky top-0 z-10 bg-slate-100 font-medium dark:bg-slate-800">
        <div role="row" aria-rowindex={1} className="grid" style={{ gridTemplateColumns: template }}>
          <span role="columnheader" className="px-2 py-2">
            Row
          </span>
          {columns.map((column) => (
            <span key={column} role="columnheader" className="truncate px-2 py-2">
              {headers[column]}
            </span>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const index = shown[item.index]!;
          const problems = result?.problems.get(index);
          const cells = cache.get(index);
          return (
            <div
              key={index}
              role="row"
              aria-rowindex={item.index + 2}
              className="absolute inset-x-0 grid border-t border-slate-200 dark:border-slate-800"
              style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <span role="rowheader" className="px-2 py-2 tabular-nums">
                {problems && (
                  <span aria-hidden="true" className="mr-1 text-red-700 dark:text-red-400">
                    ●
                  </span>
                )}
                {index + 1}
              </span>
              {cells
                ? columns.map((column) => (
                    <GridCell
                      key={column}
                      header={headers[column]!}
                      row={index}
                      column={column}
                      written={cells[column] ?? ''}
                      plan={plans[column]!}
                      problem={problems?.get(column)}
                      editing={editing?.row === index && editing.column === column}
                      onStartEdit={() => setEditing({ row: index, column })}
                      onEnd={(text, everyRow) => {
                        setEditing(null);
                        if (text === null) return;
                        if (!everyRow) patch(index, column, text);
                        onEdit({ row: index, column, written: cells[column] ?? '', text, everyRow });
                      }}
                    />
                  ))
                : columns.map((column) => <span key={column} role="cell" />)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

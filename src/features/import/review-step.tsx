/** Step 3: the counts, what to do with problems and repeated addresses, and every row in a grid. */
import { useMemo, useState, type ComponentProps } from 'react';
import { inputClass } from '../../components/ui/styles.ts';
import type { CheckResult } from './check-rows.ts';
import type { ColumnPlan } from './import-plan.ts';
import type { DuplicateRule } from './job-rows.ts';
import type { ImportSession } from './import-session.ts';
import { ReviewGrid } from './review-grid.tsx';

interface ReviewStepProps {
  headers: readonly string[];
  rowCount: number;
  session: ImportSession;
  plans: readonly ColumnPlan[];
  result: CheckResult | null;
  duplicates: DuplicateRule;
  onDuplicates: (rule: DuplicateRule) => void;
  onEdit: ComponentProps<typeof ReviewGrid>['onEdit'];
}

const count = (n: number) => n.toLocaleString('en');

/** Rows beyond the one kept, for every address the file holds more than once. */
export const extraDuplicates = (result: CheckResult) =>
  [...result.duplicates.values()].reduce((sum, rows) => sum + rows.length - 1, 0);

export function ReviewStep({
  headers,
  rowCount,
  session,
  plans,
  result,
  duplicates,
  onDuplicates,
  onEdit,
}: ReviewStepProps) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = useMemo(() => {
    if (onlyProblems && result) return [...result.problems.keys()].sort((a, b) => a - b);
    return Array.from({ length: rowCount }, (_, index) => index);
  }, [onlyProblems, result, rowCount]);

  return (
    <section aria-labelledby="review-step" className="mt-8 space-y-3">
      <h2 id="review-step" className="font-semibold">
        Review the rows
      </h2>
      {result ? (
        <p role="status" className="text-sm tabular-nums">
          {count(rowCount)} rows · {count(result.ready)} ready · {count(result.problems.size)} with problems
          {result.duplicates.size > 0 && <> · {count(extraDuplicates(result))} repeat an address already in the file</>}
        </p>
      ) : (
        <p role="status">Checking every row…</p>
      )}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
          Only rows with problems
        </label>
        {result && result.duplicates.size > 0 && (
          <label className="flex items-center gap-2">
            An address on several rows:
            <select
              value={duplicates}
              onChange={(event) => onDuplicates(event.target.value as DuplicateRule)}
              className={`${inputClass} w-auto`}
            >
              <option value="last">the last row wins</option>
              <option value="first">the first row wins</option>
            </select>
          </label>
        )}
      </div>
      {/* Drawn once the rows are checked: a grid without its problems would only cost the page a frame. */}
      {result && (
        <ReviewGrid headers={headers} session={session} plans={plans} result={result} shown={shown} onEdit={onEdit} />
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Rows with problems are not imported. Click a cell to correct it; a correction can apply to every row with the
        same value.
      </p>
    </section>
  );
}

/** Step 4: the import's settings, a dry run against the workspace, and the start. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useNavigate } from '../../lib/router/components.tsx';
import type { CheckResult } from './check-rows.ts';
import type { DryRun } from './dry-run.ts';
import type { RunConfig } from './import-engine.ts';
import type { ColumnPlan } from './import-plan.ts';
import type { ImportSession } from './import-session.ts';
import type { DuplicateRule } from './job-rows.ts';
import { FIRST_RUN_OPTIONS, RunOptionsForm, type RunOptions } from './run-step.tsx';
import { startImport } from './start-import.ts';

interface DryRunStepProps {
  title: string;
  session: ImportSession;
  plans: readonly ColumnPlan[];
  emailColumn: number | null;
  result: CheckResult | null;
  duplicates: DuplicateRule;
  /** Counts the cells corrected in the grid: each one makes the summary stale. */
  edits: number;
  onStarted: () => void;
}

const count = (n: number) => n.toLocaleString('en');

export function DryRunStep({
  title,
  session,
  plans,
  emailColumn,
  result,
  duplicates,
  edits,
  onStarted,
}: DryRunStepProps) {
  const tags = useQuery(tagQueries.all());
  const navigate = useNavigate();
  const [options, setOptions] = useState<RunOptions>(FIRST_RUN_OPTIONS);
  const [summary, setSummary] = useState<DryRun | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const config: RunConfig = useMemo(
    () => ({ plans, emailColumn, duplicates, ...options }),
    [plans, emailColumn, duplicates, options],
  );
  // A summary answers one plan, one set of settings and the cells as they are: any change clears
  // it and asks again (the workspace's contacts are read once).
  const asked = useRef<{ config: RunConfig; edits: number } | null>(null);
  useEffect(() => {
    if (!asked.current || (asked.current.config === config && asked.current.edits === edits)) return;
    asked.current = { config, edits };
    setSummary(null);
    void session.dryRun(config, () => {}).then(setSummary, (error: Error) => setFailure(error.message));
  }, [session, config, edits]);
  const labels = new Map(
    plans.flatMap((plan) =>
      plan.target.kind === 'field' ? [[plan.target.field.merge_tag, plan.target.field.label]] : [],
    ),
  );

  const run = async (work: () => Promise<void>) => {
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  };
  const check = () =>
    run(async () => {
      setProgress('Reading the workspace’s contacts…');
      asked.current = { config, edits };
      setSummary(await session.dryRun(config, setProgress));
    });
  const start = () =>
    run(async () => {
      const job = await startImport({
        title,
        session,
        config,
        params: {
          mode: options.mode,
          newStatus: options.newStatus,
          tagIds: options.tagIds,
          statusForExisting: options.statusColumnConfirmed,
        },
        onProgress: setProgress,
      });
      onStarted();
      await navigate(`/jobs/${job.id}`);
    });

  const blocked =
    emailColumn === null ? 'Map a column to Email Address: each contact is imported under its address.' : null;
  return (
    <section aria-labelledby="dry-run-step" className="mt-8 space-y-4">
      <h2 id="dry-run-step" className="font-semibold">
        Check and start
      </h2>
      <RunOptionsForm
        options={options}
        onChange={setOptions}
        hasStatusColumn={plans.some((plan) => plan.target.kind === 'status')}
        tags={tags.data ?? []}
      />
      {blocked && <Alert title="Not ready yet.">{blocked}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button disabled={blocked !== null || !result || progress !== null} onClick={() => void check()}>
          Check against the workspace
        </Button>
        <Button
          variant="primary"
          disabled={summary === null || progress !== null || summary.rows === 0}
          onClick={() => void start()}
        >
          Start import of {count(summary?.rows ?? 0)} rows
        </Button>
      </div>
      {progress && <p role="status">{progress}</p>}
      {failure && <Alert title="That did not work.">{failure}</Alert>}
      {summary && (
        <div
          role="region"
          aria-label="What the import will do"
          className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
        >
          <p>
            {count(summary.create)} contacts will be created and {count(summary.update)} updated
            {summary.leave > 0 && <>; {count(summary.leave)} are left alone by the mode</>}.
            {result && result.problems.size > 0 && (
              <> {count(result.problems.size)} rows with problems are not imported.</>
            )}
          </p>
          {summary.overwritten.size > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {[...summary.overwritten].map(([tag, changed]) => (
                <li key={tag}>
                  {labels.get(tag) ?? tag}: {count(changed)} stored values replaced
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">No stored value is replaced.</p>
          )}
          {summary.statusChanges > 0 && (
            <p className="mt-2">{count(summary.statusChanges)} existing contacts change status.</p>
          )}
        </div>
      )}
    </section>
  );
}

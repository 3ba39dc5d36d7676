/** /jobs/:id: one job's progress, its controls, and its report. */
import { useQuery } from '@tanstack/react-query';
import { jobQueries } from '../../api/jobs.ts';
import type { JobView } from '../../contract/jobs.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { linkClass } from '../../components/ui/styles.ts';
import { Link, useParams } from '../../lib/router/components.tsx';
import { JobControls } from './job-controls.tsx';
import { CreatedContacts, RefusedRows } from './job-report.tsx';
import { count, KIND_NAMES, progressText, startedBy, STATE_NAMES, when } from './job-words.ts';

const COUNTS = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['skipped', 'Skipped'],
  ['refused', 'Refused'],
] as const;

function JobProgress({ job }: { job: JobView }) {
  const text = progressText(job);
  return (
    <section aria-label="Progress" className="mb-6 space-y-2">
      <progress
        aria-label="Job progress"
        aria-valuetext={text}
        value={job.counts.done}
        max={Math.max(job.counts.total, 1)}
        className="h-3 w-full overflow-hidden rounded-full [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600 dark:[&::-webkit-progress-bar]:bg-slate-800"
      />
      <p className="text-sm tabular-nums">{text}</p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {COUNTS.map(([key, label]) => (
          <div key={key} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{count(job.counts[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function JobLinks({ job }: { job: JobView }) {
  return (
    <>
      {job.undoOf !== null && (
        <p className="mb-2 text-sm">
          Undoes{' '}
          <Link to={`/jobs/${job.undoOf}`} className={linkClass}>
            job {job.undoOf}
          </Link>
          .
        </p>
      )}
      {job.undoneBy !== null && (
        <p className="mb-2 text-sm">
          Undone by{' '}
          <Link to={`/jobs/${job.undoneBy}`} className={linkClass}>
            job {job.undoneBy}
          </Link>
          .
        </p>
      )}
    </>
  );
}

export function JobPage() {
  const id = Number(useParams().id);
  const job = useQuery(jobQueries.one(id));
  if (job.isError)
    return (
      <>
        <PageTitle>Job</PageTitle>
        <Alert title="This job could not be loaded.">
          <p>{job.error.message}</p>
          <Button onClick={() => void job.refetch()}>Try again</Button>
        </Alert>
      </>
    );
  if (!job.data) return <p role="status">Loading the job…</p>;
  const current = job.data;
  return (
    <>
      <PageTitle>{current.title}</PageTitle>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {KIND_NAMES[current.kind]} · <strong>{STATE_NAMES[current.state]}</strong>
        {current.startedAt !== null && <> · started {when(current.startedAt)}</>}
        {current.finishedAt !== null && <> · ended {when(current.finishedAt)}</>}
      </p>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">{startedBy(current)}.</p>
      {current.reason && (
        <div className="mb-4">
          <Alert tone="warning" title="The job paused by itself.">
            <p>{current.reason}</p>
          </Alert>
        </div>
      )}
      <JobLinks job={current} />
      <JobProgress job={current} />
      <JobControls job={current} />
      {current.rowsDeleted ? (
        <p className="mt-6 text-sm">
          This job&apos;s rows were deleted after the retention period (JOB_RETENTION_DAYS); only its counts remain.
        </p>
      ) : (
        <>
          {current.counts.refused > 0 && <RefusedRows job={current} />}
          {current.kind === 'import' && current.counts.created > 0 && <CreatedContacts job={current} />}
        </>
      )}
      <p className="mt-8 text-sm">
        <Link to="/jobs" className={linkClass}>
          All jobs
        </Link>
      </p>
    </>
  );
}

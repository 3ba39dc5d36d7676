/** How a job reads to a person: its state, its kind, its pace. */
import type { JobKind, JobState, JobView } from '../../contract/jobs.ts';

export const STATE_NAMES: Record<JobState, string> = {
  draft: 'Being prepared',
  queued: 'Waiting',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
};

export const KIND_NAMES: Record<JobKind, string> = {
  import: 'Import',
  undo: 'Undo',
  tag: 'Tagging',
  bulk: 'Bulk change',
  migrate: 'Option move',
};

const count = (n: number) => n.toLocaleString('en');

/** "about 3 minutes", "about 40 seconds", "under a second" */
export function aboutDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} seconds`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} minutes`;
  return `about ${Math.round(seconds / 3600)} hours`;
}

/** "1,234 of 10,000 rows · 78 rows a second · about 2 minutes left" */
export function progressText(job: JobView): string {
  const parts = [`${count(job.counts.done)} of ${count(job.counts.total)} rows`];
  if (job.speed) {
    parts.push(`${count(Math.round(job.speed.rowsPerSecond))} rows a second`);
    if (job.speed.secondsLeft !== null) parts.push(`${aboutDuration(job.speed.secondsLeft)} left`);
  }
  return parts.join(' · ');
}

/** Who started a job; those started before sign-in was set up have no owner. */
export const ownerName = (job: JobView) => job.owner?.name ?? 'Before sign-in was set up';

export const startedBy = (job: JobView) =>
  job.owner ? `Started by ${job.owner.name}` : 'Started before sign-in was set up';

export const when = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export { count };

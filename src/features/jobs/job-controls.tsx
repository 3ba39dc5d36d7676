/** Pause, resume, cancel and undo, each saying what it will do before it does it. */
import { useState } from 'react';
import { useJobControl, useUndoJob } from '../../api/jobs.ts';
import type { JobView } from '../../contract/jobs.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { ConfirmDialog } from '../../components/ui/dialog.tsx';
import { GuardedButton, NotAllowedNote } from '../../components/ui/not-allowed.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { useNavigate } from '../../lib/router/components.tsx';
import { useJobPermission } from './job-permission.ts';
import { count } from './job-words.ts';

const canUndo = (job: JobView) =>
  job.kind !== 'undo' &&
  job.undoneBy === null &&
  !job.rowsDeleted &&
  (job.state === 'done' || job.state === 'cancelled') &&
  job.counts.updated > 0;

export function JobControls({ job }: { job: JobView }) {
  const control = useJobControl();
  const undo = useUndoJob();
  const notify = useNotify();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'cancel' | 'undo' | null>(null);
  const permission = useJobPermission(job);
  const pausable = job.state === 'queued' || job.state === 'running';
  const cancellable = ['draft', 'queued', 'running', 'paused'].includes(job.state);
  const undoLabel = job.kind === 'import' ? 'Undo this import' : 'Undo this job';
  const act = (which: 'pause' | 'resume' | 'cancel', close?: () => void) =>
    control.mutate({ id: job.id, control: which }, { onSuccess: () => close?.() });

  return (
    <div className="flex flex-wrap gap-2">
      {pausable && (
        <GuardedButton
          permission={permission}
          reasonId="job-refusal"
          busy={control.isPending && control.variables.control === 'pause'}
          busyLabel="Pausing…"
          onClick={() => act('pause')}
        >
          Pause
        </GuardedButton>
      )}
      {job.state === 'paused' && (
        <GuardedButton
          permission={permission}
          reasonId="job-refusal"
          variant="primary"
          busy={control.isPending}
          busyLabel="Resuming…"
          onClick={() => act('resume')}
        >
          Resume
        </GuardedButton>
      )}
      {cancellable && (
        <GuardedButton permission={permission} reasonId="job-refusal" onClick={() => setAsking('cancel')}>
          Cancel job
        </GuardedButton>
      )}
      {canUndo(job) && (
        <GuardedButton permission={permission} reasonId="job-refusal" onClick={() => setAsking('undo')}>
          {undoLabel}
        </GuardedButton>
      )}
      {(pausable || job.state === 'paused' || cancellable || canUndo(job)) && (
        <NotAllowedNote id="job-refusal" permission={permission} />
      )}
      {control.isError && !asking && (
        <div className="w-full">
          <Alert title="That did not work.">{control.error.message}</Alert>
        </div>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog
          id="cancel-job"
          title="Cancel this job?"
          description="The rows in flight finish; no other row is sent. What was already written stays written, and can be undone once the job has stopped."
          confirmLabel="Cancel job"
          busyLabel="Cancelling…"
          busy={control.isPending}
          failure={
            control.isError ? { title: 'The job was not cancelled.', message: control.error.message } : undefined
          }
          onConfirm={(close) => act('cancel', close)}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'undo' && (
        <ConfirmDialog
          id="undo-job"
          title={`${undoLabel}?`}
          description={`The ${count(job.counts.updated)} contacts it changed get back their values, status and tags from before it. A value someone changed since is kept.`}
          confirmLabel={undoLabel}
          busyLabel="Starting the undo…"
          busy={undo.isPending}
          failure={undo.isError ? { title: 'The undo did not start.', message: undo.error.message } : undefined}
          onConfirm={(close) =>
            undo.mutate(job.id, {
              onSuccess: (started) => {
                close();
                notify(`The undo of “${job.title}” is running.`);
                navigate(`/jobs/${started.id}`);
              },
            })
          }
          onClose={() => setAsking(null)}
        >
          {job.counts.created > 0 && (
            <p className="mt-3 text-sm">
              The {count(job.counts.created)} contacts it created stay: CampaignLark&apos;s API cannot delete contacts.
              They are listed on this page, and can be given a tag.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}

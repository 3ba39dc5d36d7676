/**
 * A job's writes in the audit trail, on the account of the person who started the job: each row's
 * contact as the job read it and as the API answered, and the field whose options a move changed.
 */
import type { JobWrites } from '../jobs/runner.ts';
import type { ContactSnapshot, JobRecord } from '../jobs/types.ts';
import { attributeChanges, contactChanges, FIELD_ATTRIBUTES } from './changes.ts';
import type { AuditStore } from './store.ts';

/** Jobs started before sign-in was set up have no owner. */
const NO_OWNER = { id: 'unknown', name: 'Someone (a job from before sign-in)' };

const actorOf = (job: JobRecord) => job.owner ?? NO_OWNER;

export function jobWrites(audit: AuditStore): JobWrites {
  return {
    row(job, row, before, after) {
      const [was, now] = [before as ContactSnapshot | null, after as ContactSnapshot];
      const changes = contactChanges(was, now);
      if (changes.length === 0) return;
      audit.record({
        actor: actorOf(job),
        kind: 'contact',
        action: was === null ? 'created' : 'changed',
        targetId: now.id,
        targetName: String(now.data.email_address ?? (row.input as { email?: unknown }).email ?? ''),
        changes,
        job: { id: job.id, row: row.n },
      });
    },
    field: (job) => (before, after) =>
      audit.record({
        actor: actorOf(job),
        kind: 'field',
        action: 'changed',
        targetId: String(after.id ?? before.id),
        targetName: String(after.label ?? before.label),
        changes: attributeChanges(before, after, FIELD_ATTRIBUTES),
        job: { id: job.id, row: null },
      }),
  };
}

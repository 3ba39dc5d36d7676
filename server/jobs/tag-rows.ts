/** Tagging the contacts a job created (the contract cannot delete them; a tag makes them findable). */
import type { RowHandler } from './runner.ts';
import { refusalOf, rowContact, snapshotOf } from './snapshot.ts';
import type { JobStore } from './store.ts';
import type { JobOwner, JobRecord } from './types.ts';

export interface TagParams {
  tagId: number;
}

export function planTagCreated(
  store: JobStore,
  job: JobRecord,
  tag: { id: number; name: string },
  owner: JobOwner,
): JobRecord {
  const tagging = store.createJob(
    'tag',
    `Tag “${tag.name}” on contacts created by: ${job.title}`,
    { tagId: tag.id },
    { owner },
  );
  const emails = [...store.eachRow(job.id, 'created')].map((row) => ({
    email: (row.input as { email: string }).email,
  }));
  store.appendRows(tagging.id, emails);
  return store.job(tagging.id)!;
}

export const tagRow: RowHandler = async (row, { job, call, step }) => {
  const { email } = row.input as { email: string };
  const { tagId } = job.params as TagParams;
  const before = await rowContact(row, email, { call, step });
  if ('refused' in before) return before;
  if (before.tags.includes(tagId)) return { outcome: 'unchanged', after: before };
  const tagged = await call('POST', `/contacts/${before.id}/tags/add`, { tag_ids: [tagId] });
  if (tagged.status !== 200) return refusalOf(tagged, 'adding the tag');
  return { outcome: 'updated', after: snapshotOf(tagged.data) };
};

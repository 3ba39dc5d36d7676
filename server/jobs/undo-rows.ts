/**
 * Undo of a job: each contact it updated gets back its values and status from before the job,
 * and loses the tags the job added. A value someone changed since the job is newer than both, so
 * it is kept, and the row says so. Contacts the job created stay (the contract cannot delete
 * contacts); the job's page lists them and can tag them.
 */
import type { JobStore } from './store.ts';
import type { RowHandler } from './runner.ts';
import { refusalOf, rowContact, sameContact, sameValue, snapshotOf } from './snapshot.ts';
import type { ContactSnapshot, JobOwner, JobRecord } from './types.ts';

export interface UndoRowInput {
  email: string;
  before: ContactSnapshot;
  after: ContactSnapshot;
}

/**
 * The undo job of `job`, its rows made from every row that changed an existing contact, newest
 * first: where one address had two rows, the last undo step restores the first row's before.
 */
export function planUndo(store: JobStore, job: JobRecord, owner: JobOwner): JobRecord {
  const undo = store.createJob('undo', `Undo: ${job.title}`, {}, { owner, undoOf: job.id });
  const inputs: UndoRowInput[] = [];
  for (const row of store.eachRow(job.id, 'all')) {
    if (row.before === null || row.after === null || row.outcome === 'unchanged') continue;
    const { email } = row.input as { email: string };
    inputs.push({ email, before: row.before as ContactSnapshot, after: row.after as ContactSnapshot });
  }
  inputs.reverse();
  store.appendRows(undo.id, inputs);
  store.markUndone(job.id, undo.id);
  return store.job(undo.id)!;
}

export const undoRow: RowHandler = async (row, { call, step }) => {
  const { email, before, after } = row.input as UndoRowInput;
  const now = await rowContact(row, email, { call, step });
  if ('refused' in now) return now;
  const kept: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before.data), ...Object.keys(after.data)])) {
    if (sameValue(before.data[key], after.data[key])) continue;
    if (sameValue(now.data[key], after.data[key])) fields[key] = before.data[key] ?? null;
    else kept.push(key);
  }
  let status: string | undefined;
  if (before.status !== after.status) {
    if (now.status === after.status) status = before.status;
    else kept.push('status');
  }
  const added = after.tags.filter((id) => !before.tags.includes(id) && now.tags.includes(id));
  const removed = before.tags.filter((id) => !after.tags.includes(id) && !now.tags.includes(id));

  let restored = now;
  if (row.step !== 'written' && (Object.keys(fields).length > 0 || status !== undefined)) {
    const write = await call('POST', '/contacts/upsert', {
      email_address: email,
      fields,
      partial_update: true,
      ...(status === undefined ? {} : { status }),
    });
    if (write.status !== 200) return refusalOf(write, 'restoring the values');
    restored = snapshotOf(write.data);
    step('written', { after: restored, contactId: restored.id });
  } else if (row.step === 'written') {
    restored = row.after as ContactSnapshot;
  }
  const untag = added.filter((id) => restored.tags.includes(id));
  if (untag.length > 0) {
    const answer = await call('POST', `/contacts/${restored.id}/tags/remove`, { tag_ids: untag });
    if (answer.status !== 200) return refusalOf(answer, 'removing the tags');
    restored = snapshotOf(answer.data);
  }
  // A tag the job took off goes back on, unless someone put it back already.
  const retag = removed.filter((id) => !restored.tags.includes(id));
  if (retag.length > 0) {
    const answer = await call('POST', `/contacts/${restored.id}/tags/add`, { tag_ids: retag });
    if (answer.status !== 200) return refusalOf(answer, 'putting the tags back');
    restored = snapshotOf(answer.data);
  }
  const message = kept.length > 0 ? `Kept, as changed since the job: ${kept.join(', ')}.` : undefined;
  return { outcome: sameContact(now, restored) ? 'unchanged' : 'updated', after: restored, message };
};

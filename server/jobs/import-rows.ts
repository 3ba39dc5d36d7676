/**
 * One import row: read the contact by email (its before), upsert with partial_update (only the
 * columns the admin mapped, so nothing else is touched), then add the import's tags through the
 * add endpoint, which keeps the tags the contact has (a new contact gets them in the upsert). Each step is
 * stored before the next request, so a restart resumes the row without reading the
 * already-written contact as its "before".
 */
import type { ImportParams, ImportRowInput } from '../../src/contract/jobs.ts';
import type { RowHandler } from './runner.ts';
import { byEmailPath, refusalOf, sameContact, snapshotOf } from './snapshot.ts';
import type { ContactSnapshot } from './types.ts';

export const importRow: RowHandler = async (row, { job, call, step }) => {
  const input = row.input as ImportRowInput;
  const params = job.params as ImportParams;

  let before = row.before as ContactSnapshot | null;
  if (row.step === 'pending') {
    const read = await call('GET', byEmailPath(input.email));
    if (read.status !== 200 && read.status !== 404) return refusalOf(read, 'looking the contact up');
    before = read.status === 200 ? snapshotOf(read.data) : null;
    step('read', { before });
  }
  if (before === null && params.mode === 'update-only')
    return { outcome: 'skipped', message: 'Not in the workspace, and this import only updates.' };
  if (before !== null && params.mode === 'add-only')
    return { outcome: 'skipped', message: 'Already in the workspace, and this import only adds.' };

  let after = row.step === 'written' ? (row.after as ContactSnapshot) : null;
  if (after === null) {
    const status =
      before === null ? (input.status ?? params.newStatus) : params.statusForExisting ? input.status : undefined;
    const write = await call('POST', '/contacts/upsert', {
      email_address: input.email,
      fields: input.fields,
      partial_update: true,
      ...(status === undefined ? {} : { status }),
      // A new contact has no tags to keep, so it takes the import's in the same request.
      ...(before === null && params.tagIds.length > 0 ? { tags: params.tagIds } : {}),
    });
    if (write.status !== 200) return refusalOf(write, 'writing the contact');
    after = snapshotOf(write.data);
    step('written', { after, contactId: after.id });
  }

  const written: ContactSnapshot = after;
  const missing = params.tagIds.filter((id) => !written.tags.includes(id));
  if (missing.length > 0) {
    const tagged = await call('POST', `/contacts/${after.id}/tags/add`, { tag_ids: missing });
    if (tagged.status !== 200) return refusalOf(tagged, 'adding the tags');
    after = snapshotOf(tagged.data);
  }
  const outcome = before === null ? 'created' : sameContact(before, after) ? 'unchanged' : 'updated';
  return { outcome, after };
};

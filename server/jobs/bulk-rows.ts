/**
 * One contact of a bulk change: read it (its before), then make the one change the action names,
 * through the endpoint that changes only that: tags through add and remove, a status or a value
 * through an upsert with partial_update. A contact that already is as asked is left unchanged.
 */
import type { BulkAction, BulkRowInput } from '../../src/contract/jobs.ts';
import type { RowHandler } from './runner.ts';
import { refusalOf, rowContact, sameOrBothBlank, sameValue, snapshotOf } from './snapshot.ts';
import type { ContactSnapshot } from './types.ts';

type Change = { method: 'POST'; path: string; body: unknown } | null;

/** The request that makes the change on this contact, or null when it already holds it. */
function changeFor(action: BulkAction, email: string, contact: ContactSnapshot): Change {
  const upsert = (body: object) => ({
    method: 'POST' as const,
    path: '/contacts/upsert',
    body: { email_address: email, partial_update: true, ...body },
  });
  switch (action.action) {
    case 'add-tags': {
      const missing = action.tagIds.filter((id) => !contact.tags.includes(id));
      return missing.length === 0
        ? null
        : { method: 'POST', path: `/contacts/${contact.id}/tags/add`, body: { tag_ids: missing } };
    }
    case 'remove-tags': {
      const present = action.tagIds.filter((id) => contact.tags.includes(id));
      return present.length === 0
        ? null
        : { method: 'POST', path: `/contacts/${contact.id}/tags/remove`, body: { tag_ids: present } };
    }
    case 'set-status':
      return contact.status === action.status ? null : upsert({ status: action.status });
    case 'set-field':
      return sameValue(contact.data[action.mergeTag], action.value)
        ? null
        : upsert({ fields: { [action.mergeTag]: action.value } });
    case 'clear-field':
      return sameOrBothBlank(contact.data[action.mergeTag], null)
        ? null
        : upsert({ fields: { [action.mergeTag]: null } });
  }
}

export const bulkRow: RowHandler = async (row, { job, call, step }) => {
  const { email } = row.input as BulkRowInput;
  const before = await rowContact(row, email, { call, step });
  if ('refused' in before) return before;
  const change = changeFor(job.params as BulkAction, email, before);
  if (change === null) return { outcome: 'unchanged', after: before };
  const answer = await call(change.method, change.path, change.body);
  if (answer.status !== 200) return refusalOf(answer, 'making the change');
  return { outcome: 'updated', after: snapshotOf(answer.data) };
};

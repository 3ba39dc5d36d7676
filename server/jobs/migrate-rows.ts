/**
 * Moving the holders of dropdown options (a rename, a merge, a removal) in a safe order: the new
 * options are there before the job starts (the SPA adds them), each holder's value is moved with
 * a partial upsert, and only then does the field get its final options. Undo first puts the old
 * options back, restores the values, then the options as they were.
 */
import { formatDefinition, parseDefinition } from '../../src/contract/field-types.ts';
import type { BulkRowInput, MigrateParams } from '../../src/contract/jobs.ts';
import type { Call } from './calls.ts';
import type { RowHandler } from './runner.ts';
import { byEmailPath, refusalOf, sameValue, snapshotOf } from './snapshot.ts';
import type { ContactSnapshot, JobRecord } from './types.ts';

function moved(value: unknown, params: MigrateParams): unknown {
  const to = (item: string) => {
    const move = params.moves.find((candidate) => candidate.from === item);
    return move ? move.to : item;
  };
  if (params.multiple) {
    const items = (Array.isArray(value) ? value.map(String) : [])
      .map(to)
      .filter((item): item is string => item !== null);
    const unique = [...new Set(items)];
    return unique.length > 0 ? unique : null;
  }
  return typeof value === 'string' ? to(value) : value;
}

export const migrateRow: RowHandler = async (row, { job, call, step }) => {
  const { email } = row.input as BulkRowInput;
  const params = job.params as MigrateParams;
  let before = row.before as ContactSnapshot | null;
  if (row.step === 'pending') {
    const read = await call('GET', byEmailPath(email));
    if (read.status === 404) return { refused: 'The contact is no longer in the workspace.' };
    if (read.status !== 200) return refusalOf(read, 'looking the contact up');
    before = snapshotOf(read.data);
    step('read', { before });
  }
  const now = before!.data[params.mergeTag];
  const next = moved(now, params);
  if (sameValue(now, next)) return { outcome: 'unchanged', after: before };
  const write = await call('POST', '/contacts/upsert', {
    email_address: email,
    fields: { [params.mergeTag]: next },
    partial_update: true,
  });
  if (write.status !== 200) return refusalOf(write, 'moving the value');
  return { outcome: 'updated', after: snapshotOf(write.data) };
};

/** Sets a field's options, on a fresh read of the field, keeping everything else as it is now. */
async function setOptions(call: Call, fieldId: number, definition: (current: string) => string) {
  const fields = await call('GET', '/fields');
  const field = (
    fields.data as
      | {
          id: number;
          label: string;
          merge_tag: string;
          type: string;
          definition: string;
          default_value: string;
          required: boolean;
        }[]
      | undefined
  )?.find((candidate) => candidate.id === fieldId);
  if (!field) throw new Error('The field is no longer in the workspace.');
  const wanted = definition(field.definition);
  if (wanted === field.definition) return;
  const answer = await call('PATCH', `/fields/${fieldId}`, {
    label: field.label,
    merge_tag: field.merge_tag,
    type: field.type,
    definition: wanted,
    default_value: field.default_value,
    required: field.required,
  });
  if (answer.status !== 200)
    throw new Error(answer.message ?? `CampaignLark answered ${answer.status} to the options.`);
}

const union = (current: string, extra: string) =>
  formatDefinition([...new Set([...parseDefinition(current), ...parseDefinition(extra)])]);

/** The option steps around a job's rows: for a migration, and for the undo of one. */
export const migratePhases = {
  after: (job: JobRecord, call: Call) =>
    setOptions(call, (job.params as MigrateParams).fieldId, () => (job.params as MigrateParams).finalDefinition),
};

export const undoMigratePhases = (original: JobRecord) => {
  const params = original.params as MigrateParams;
  return {
    before: (_: JobRecord, call: Call) =>
      setOptions(call, params.fieldId, (current) => union(current, params.initialDefinition)),
    after: (_: JobRecord, call: Call) => setOptions(call, params.fieldId, () => params.initialDefinition),
  };
};

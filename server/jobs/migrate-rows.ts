/**
 * Moving the holders of dropdown options (a rename, a merge, a removal) in a safe order: the new
 * options are there before the job starts (the SPA adds them), each holder's value is moved with
 * a partial upsert, and only then does the field get its final options. Undo first puts the old
 * options back, restores the values, then the options as they were.
 */
import { formatDefinition, parseDefinition } from '../../src/contract/field-types.ts';
import type { BulkRowInput, MigrateParams } from '../../src/contract/jobs.ts';
import { SEARCH_LIMIT } from '../../src/contract/search.ts';
import type { Call } from './calls.ts';
import type { NoteField, Phases, RowHandler } from './runner.ts';
import { refusalOf, rowContact, sameValue, snapshotOf } from './snapshot.ts';
import type { JobRecord } from './types.ts';

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
  const before = await rowContact(row, email, { call, step });
  if ('refused' in before) return before;
  const now = before.data[params.mergeTag];
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

/** A field as the contract answers it: what a PATCH must send back unchanged. */
type ContractField = {
  id: number;
  label: string;
  merge_tag: string;
  type: string;
  definition: string;
  default_value: string;
  required: boolean;
};

/** Sets a field's options, on a fresh read of the field, keeping everything else as it is now. */
async function setOptions(call: Call, note: NoteField, fieldId: number, definition: (current: string) => string) {
  const fields = await call('GET', '/fields');
  const field = (fields.data as ContractField[] | undefined)?.find((candidate) => candidate.id === fieldId);
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
  note(field, answer.data as Record<string, unknown>);
}

/** The options this move takes away (renamed, merged or removed), and those it brings. */
function changedOptions(params: MigrateParams) {
  const initial = parseDefinition(params.initialDefinition);
  const final = parseDefinition(params.finalDefinition);
  return {
    taken: initial.filter((option) => !final.includes(option)),
    added: final.filter((option) => !initial.includes(option)),
  };
}

/** Contacts holding an option still, counted by the API: given it after the holders were found, say. */
async function holdersOf(call: Call, params: MigrateParams, option: string): Promise<number> {
  const condition = params.multiple
    ? { merge_tag: params.mergeTag, operator: 'CONTAINS', value: [option] }
    : { merge_tag: params.mergeTag, operator: 'EQUALS', value: option };
  const answer = await call('POST', '/contacts/search', { fields: [condition], page: 1, limit: SEARCH_LIMIT.min });
  return (answer.data as { pagination?: { total_count?: number } } | undefined)?.pagination?.total_count ?? 0;
}

/**
 * The option steps around a job's rows. A move ends by taking away only the options it moved away
 * from, on a fresh read (an option a colleague added stays), and only once none is held any more.
 */
export const migratePhases: Phases = {
  after: async (job, call, note) => {
    const params = job.params as MigrateParams;
    if (job.counts.refused > 0)
      throw new Error(
        `${job.counts.refused} holders could not be moved, so the old options stay; undo, or move them by hand.`,
      );
    const { taken } = changedOptions(params);
    // Only the options the move takes away are counted: one it keeps may be held.
    for (const move of params.moves.filter((each) => taken.includes(each.from))) {
      const left = await holdersOf(call, params, move.from);
      if (left > 0)
        throw new Error(
          `${left} contacts hold “${move.from}” again (given it since the move began), so it stays; run the move again.`,
        );
    }
    await setOptions(call, note, params.fieldId, (current) =>
      inOrder(
        parseDefinition(current).filter((option) => !taken.includes(option)),
        params.finalDefinition,
      ),
    );
  },
};

/** The options in the order the admin gave them, when they are the same ones; else as they are. */
function inOrder(options: string[], definition: string): string {
  const wanted = parseDefinition(definition);
  const same = options.length === wanted.length && options.every((option) => wanted.includes(option));
  return formatDefinition(same ? wanted : options);
}

/** Undo of a move: the options it took away come back first, and those it brought go at the end. */
export const undoMigratePhases = (original: JobRecord): Phases => {
  const params = original.params as MigrateParams;
  const { taken, added } = changedOptions(params);
  return {
    before: (_, call, note) =>
      setOptions(call, note, params.fieldId, (current) =>
        formatDefinition([...new Set([...parseDefinition(current), ...taken])]),
      ),
    after: async (_, call, note) => {
      // An option the move brought stays while a contact holds it (a value kept as changed since).
      const held = await Promise.all(
        added.map(async (option) => ((await holdersOf(call, params, option)) > 0 ? option : null)),
      );
      const going = added.filter((option) => !held.includes(option));
      await setOptions(call, note, params.fieldId, (current) =>
        inOrder(
          parseDefinition(current).filter((option) => !going.includes(option)),
          params.initialDefinition,
        ),
      );
    },
  };
};

/**
 * A field edit that moves the holders of options it takes away: the holders are found through
 * search and handed to a job, the field gets the new options beside the old ones, and the job moves
 * the holders and takes the old options away once none holds them.
 */
import { readEveryContact } from '../../api/contacts.ts';
import type { FieldInput } from '../../api/fields.ts';
import { createMigrateJob, sendJobRows, startJob } from '../../api/jobs.ts';
import type { Field } from '../../api/schemas.ts';
import { formatDefinition, parseDefinition, type FieldType } from '../../contract/field-types.ts';
import { JOB_LIMITS, type JobView, type OptionMove } from '../../contract/jobs.ts';
import { holderCondition } from './option-impact-dialog.tsx';

export async function startOptionMove(
  field: Field & { type: FieldType },
  input: FieldInput,
  moves: readonly OptionMove[],
  update: (id: number, input: FieldInput) => Promise<unknown>,
): Promise<JobView | null> {
  const finalDefinition = input.definition ?? '';
  const emails = new Set<string>();
  for (const move of moves) {
    const holders = await readEveryContact(() => {}, {
      fields: [holderCondition(field.merge_tag, field.type, move.from)],
    });
    for (const contact of holders) emails.add(String(contact.data.email_address ?? ''));
  }
  // Nobody holds them any more: a plain save does.
  if (emails.size === 0) return null;
  const job = await createMigrateJob(
    `Move the holders of ${moves.map((move) => `“${move.from}”`).join(', ')} in ${input.label}`,
    {
      fieldId: field.id,
      mergeTag: field.merge_tag,
      multiple: field.type === 'DROPDOWN_MULTIPLE',
      moves: [...moves],
      initialDefinition: field.definition,
      finalDefinition,
    },
  );
  const rows = [...emails].map((email) => ({ email }));
  for (let start = 0; start < rows.length; start += JOB_LIMITS.rowsPerCall)
    await sendJobRows(job.id, rows.slice(start, start + JOB_LIMITS.rowsPerCall));
  // Only once the job holds its rows: the field gets the new options beside the old, so every value
  // stays an option while the holders move (the job takes the old ones away at its end).
  const both = formatDefinition([
    ...new Set([...parseDefinition(field.definition), ...parseDefinition(finalDefinition)]),
  ]);
  await update(field.id, { ...input, definition: both });
  return startJob(job.id);
}

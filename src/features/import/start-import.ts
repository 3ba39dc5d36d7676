/**
 * Starting an import: the new fields and options first (on a fresh read of the field list, so a
 * colleague's change is kept), then the job with its rows in pieces, then its start. Nothing is
 * written to contacts here; the server's job does that.
 */
import { createField, readFields, updateField } from '../../api/fields.ts';
import { createImportJob, sendJobRows, startJob } from '../../api/jobs.ts';
import { formatDefinition, parseDefinition, uniqueOptions } from '../../contract/field-types.ts';
import { JOB_LIMITS, type ImportParams, type JobView } from '../../contract/jobs.ts';
import type { ColumnPlan } from './import-plan.ts';
import { jobRowOf, type RowOptions } from './job-rows.ts';

export interface StartInput {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  indexes: readonly number[];
  plans: readonly ColumnPlan[];
  emailColumn: number;
  options: RowOptions;
  params: ImportParams;
  onProgress: (text: string) => void;
}

async function prepareFields(plans: readonly ColumnPlan[], onProgress: (text: string) => void) {
  const current = await readFields();
  for (const plan of plans) {
    if (plan.target.kind !== 'field') continue;
    const { field, isNew } = plan.target;
    if (isNew) {
      onProgress(`Creating the field “${field.label}”…`);
      const { label, merge_tag, type, definition } = field;
      await createField({ label, merge_tag, type, definition, default_value: '', required: false });
      continue;
    }
    const now = current.find((candidate) => candidate.id === field.id);
    const wanted = parseDefinition(field.definition);
    const stored = parseDefinition(now?.definition ?? '');
    if (!now || now.type === null || wanted.every((option) => stored.includes(option))) continue;
    onProgress(`Adding options to “${now.label}”…`);
    await updateField(now.id, {
      label: now.label,
      merge_tag: now.merge_tag,
      type: now.type,
      definition: formatDefinition(uniqueOptions([...stored, ...wanted])),
      default_value: now.default_value,
      required: now.required,
    });
  }
}

export async function startImport(input: StartInput): Promise<JobView> {
  await prepareFields(input.plans, input.onProgress);
  const job = await createImportJob(input.title, input.params);
  for (let start = 0; start < input.indexes.length; start += JOB_LIMITS.rowsPerCall) {
    input.onProgress(
      `Sending rows ${(start + 1).toLocaleString('en')}–${Math.min(start + JOB_LIMITS.rowsPerCall, input.indexes.length).toLocaleString('en')} of ${input.indexes.length.toLocaleString('en')}…`,
    );
    const piece = input.indexes
      .slice(start, start + JOB_LIMITS.rowsPerCall)
      .map((index) => jobRowOf(input.rows[index]!, input.headers, input.plans, input.emailColumn, input.options));
    await sendJobRows(job.id, piece);
  }
  return startJob(job.id);
}

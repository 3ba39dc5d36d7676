/**
 * Starting an import: the new fields and options first (on a fresh read of the field list, so a
 * colleague's change is kept), then the job, its rows sent in pieces by the worker that holds
 * them, then its start. Nothing is written to contacts here; the server's job does that.
 */
import { createField, readFields, updateField } from '../../api/fields.ts';
import { createImportJob, startJob } from '../../api/jobs.ts';
import { formatDefinition, parseDefinition, uniqueOptions } from '../../contract/field-types.ts';
import type { ImportParams, JobView } from '../../contract/jobs.ts';
import type { RunConfig } from './import-engine.ts';
import type { ColumnPlan } from './import-plan.ts';
import type { ImportSession } from './import-session.ts';

export interface StartInput {
  title: string;
  session: ImportSession;
  config: RunConfig;
  params: ImportParams;
  onProgress: (text: string) => void;
}

async function prepareFields(plans: readonly ColumnPlan[], onProgress: (text: string) => void) {
  const current = await readFields();
  for (const plan of plans) {
    if (plan.target.kind !== 'field') continue;
    const { field, isNew } = plan.target;
    // A field made by an earlier try of this import (one whose upload failed) is there already.
    const made = current.find((candidate) => candidate.merge_tag === field.merge_tag);
    if (isNew && made?.type === field.type) continue;
    if (isNew) {
      onProgress(`Creating the field “${field.label}”…`);
      const { label, merge_tag, type, definition } = field;
      await createField({ label, merge_tag, type, definition, default_value: '', required: false });
      continue;
    }
    // Only the options the admin chose to add: one a colleague removed since this page read the field stays removed.
    const now = current.find((candidate) => candidate.id === field.id);
    const wanted = plan.target.addedOptions ?? [];
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
  await prepareFields(input.config.plans, input.onProgress);
  const job = await createImportJob(input.title, input.params);
  await input.session.upload(job.id, input.config, input.onProgress);
  return startJob(job.id);
}

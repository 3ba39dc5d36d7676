/**
 * Step 4: how the import writes (mode, blank cells, statuses, tags), what it would do (a dry run
 * against the workspace's contacts), and its start.
 */
import type { Tag } from '../../api/schemas.ts';
import type { ImportMode } from '../../contract/jobs.ts';
import { CONTACT_STATUSES, type ContactStatus } from '../../contract/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { MultiSelect } from '../../components/ui/multi-select.tsx';
import { RadioGroup } from '../../components/ui/radio-group.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';

export interface RunOptions {
  mode: ImportMode;
  blankKeeps: boolean;
  newStatus: ContactStatus;
  statusColumnConfirmed: boolean;
  tagIds: number[];
}

export const FIRST_RUN_OPTIONS: RunOptions = {
  mode: 'add-and-update',
  blankKeeps: true,
  newStatus: 'SUBSCRIBED',
  statusColumnConfirmed: false,
  tagIds: [],
};

const MODES: [ImportMode, string][] = [
  ['add-and-update', 'Add new and update existing'],
  ['add-only', 'Add new only'],
  ['update-only', 'Update existing only'],
];

interface RunOptionsProps {
  options: RunOptions;
  onChange: (options: RunOptions) => void;
  hasStatusColumn: boolean;
  tags: readonly Tag[];
}

export function RunOptionsForm({ options, onChange, hasStatusColumn, tags }: RunOptionsProps) {
  const set = (patch: Partial<RunOptions>) => onChange({ ...options, ...patch });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <RadioGroup legend="Mode" name="mode" options={MODES} value={options.mode} onChange={(mode) => set({ mode })} />
      <div className="space-y-3 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={options.blankKeeps}
            onChange={(event) => set({ blankKeeps: event.target.checked })}
          />
          Blank cells keep the existing value
        </label>
        <FormField id="new-status" label="Status for new contacts">
          {(aria) => (
            <select
              {...aria}
              value={options.newStatus}
              onChange={(event) => set({ newStatus: event.target.value as ContactStatus })}
              className={inputClass}
            >
              {CONTACT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_MEANINGS[status].title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {options.newStatus === 'UNCONFIRMED' && (
          <Alert tone="warning">Each new contact gets the double opt-in email asking them to confirm.</Alert>
        )}
        {hasStatusColumn && (
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              checked={options.statusColumnConfirmed}
              onChange={(event) => set({ statusColumnConfirmed: event.target.checked })}
            />
            Apply the file&apos;s Status column, to existing contacts too (otherwise their status stays as it is)
          </label>
        )}
      </div>
      <FormField id="import-tags" label="Tags to add to every imported contact">
        {(aria) => (
          <MultiSelect
            {...aria}
            options={tags.map((tag) => tag.name)}
            value={options.tagIds.map((id) => tags.find((tag) => tag.id === id)?.name ?? `Tag ${id}`)}
            onChange={(names) =>
              set({ tagIds: names.flatMap((name) => tags.find((tag) => tag.name === name)?.id ?? []) })
            }
          />
        )}
      </FormField>
    </div>
  );
}

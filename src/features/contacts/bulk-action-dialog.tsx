/**
 * One bulk change: its input, how many contacts it changes, and the confirmations a careful admin
 * wants (the number typed over 1,000 contacts; what Unconfirmed, Cleaned and Complained mean).
 */
import { useState } from 'react';
import type { Tag } from '../../api/schemas.ts';
import { ConfirmDialog } from '../../components/ui/dialog.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { MultiSelect } from '../../components/ui/multi-select.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import type { BulkAction } from '../../contract/jobs.ts';
import { CONTACT_STATUSES } from '../../contract/statuses.ts';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { FieldInput } from '../../field-types/inputs/field-input.tsx';
import { specForField } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';
import { ACTION_LABELS, type ActionName } from './bulk-actions.ts';

/** Above this many contacts, the admin types the number to confirm. */
const TYPE_TO_CONFIRM = 1000;

interface BulkActionDialogProps {
  name: ActionName;
  count: number;
  tags: readonly Tag[];
  fields: readonly KnownField[];
  busy: string | null;
  failure: string | null;
  onStart: (action: BulkAction, title: string) => void;
  onClose: () => void;
}

/** The change as the server takes it, once its input is complete; null until then. */
function actionOf(
  name: ActionName,
  chosen: { tagIds: number[]; status: string; field: KnownField | undefined; value: FormValue },
): BulkAction | null {
  if (name === 'add-tags' || name === 'remove-tags')
    return chosen.tagIds.length > 0 ? { action: name, tagIds: chosen.tagIds } : null;
  if (name === 'set-status') return chosen.status ? { action: name, status: chosen.status } : null;
  if (!chosen.field) return null;
  if (name === 'clear-field') return { action: name, mergeTag: chosen.field.merge_tag };
  const wire = specForField(chosen.field).encode(chosen.value, contactRules(chosen.field));
  return wire === undefined ? null : { action: name, mergeTag: chosen.field.merge_tag, value: wire };
}

export default function BulkActionDialog({
  name,
  count,
  tags,
  fields,
  busy,
  failure,
  onStart,
  onClose,
}: BulkActionDialogProps) {
  const [tagNames, setTagNames] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [mergeTag, setMergeTag] = useState('');
  const [value, setValue] = useState<FormValue>('');
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const editable = fields.filter((field) => field.merge_tag !== EMAIL_MERGE_TAG && !field.immutable);
  const field = editable.find((candidate) => candidate.merge_tag === mergeTag);
  const tagIds = tagNames.flatMap((tagName) => tags.find((tag) => tag.name === tagName)?.id ?? []);
  const many = count.toLocaleString('en');
  const grave = status === 'CLEANED' || status === 'COMPLAINED';

  const action = actionOf(name, { tagIds, status, field, value });
  const what =
    name === 'add-tags' || name === 'remove-tags'
      ? tagNames.map((tagName) => `“${tagName}”`).join(', ')
      : name === 'set-status'
        ? (STATUS_MEANINGS[status as keyof typeof STATUS_MEANINGS]?.title ?? '')
        : (field?.label ?? '');
  const ready =
    action !== null &&
    (count <= TYPE_TO_CONFIRM || typed.replace(/[,\s]/g, '') === String(count)) &&
    (!grave || understood);

  return (
    <ConfirmDialog
      id="bulk-action"
      title={`${ACTION_LABELS[name]}?`}
      description={`This changes ${many} contact${count === 1 ? '' : 's'}. It runs as a job, which can be paused and undone.`}
      confirmLabel={ACTION_LABELS[name]}
      busyLabel={busy ?? 'Starting…'}
      busy={busy !== null}
      confirmDisabled={!ready}
      failure={failure ? { title: 'The change did not start.', message: failure } : undefined}
      onConfirm={() => action && onStart(action, `${ACTION_LABELS[name]} ${what} · ${many} contacts`)}
      onClose={onClose}
    >
      <div className="mt-4 space-y-3">
        {(name === 'add-tags' || name === 'remove-tags') && (
          <FormField id="bulk-tags" label="Tags">
            {(aria) => (
              <MultiSelect {...aria} options={tags.map((tag) => tag.name)} value={tagNames} onChange={setTagNames} />
            )}
          </FormField>
        )}
        {name === 'set-status' && (
          <FormField id="bulk-status" label="Status">
            {(aria) => (
              <select
                {...aria}
                value={status}
                onChange={(event) => setStatus(event.target.value)}
                className={inputClass}
              >
                <option value="">Choose a status</option>
                {CONTACT_STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {STATUS_MEANINGS[option].title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {status === 'UNCONFIRMED' && (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Each of the {many} contacts gets the double opt-in email asking them to confirm.
          </p>
        )}
        {grave && (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
            {STATUS_MEANINGS[status as 'CLEANED'].meaning} I understand these {many} contacts get no more campaigns.
          </label>
        )}
        {(name === 'set-field' || name === 'clear-field') && (
          <FormField id="bulk-field" label="Field">
            {(aria) => (
              <select
                {...aria}
                value={mergeTag}
                onChange={(event) => {
                  setMergeTag(event.target.value);
                  const chosen = editable.find((candidate) => candidate.merge_tag === event.target.value);
                  setValue(chosen ? specForField(chosen).empty : '');
                }}
                className={inputClass}
              >
                <option value="">Choose a field</option>
                {editable.map((option) => (
                  <option key={option.merge_tag} value={option.merge_tag}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {name === 'set-field' && field && (
          <FieldInput
            id="bulk-value"
            name="value"
            type={field.type}
            mergeTag={field.merge_tag}
            rules={{ ...contactRules(field), label: 'Value', required: false }}
            value={value}
            onChange={setValue}
          />
        )}
        {count > TYPE_TO_CONFIRM && (
          <FormField id="bulk-confirm" label={`Type ${many} to confirm`}>
            {(aria) => (
              <input
                {...aria}
                inputMode="numeric"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                className={inputClass}
              />
            )}
          </FormField>
        )}
      </div>
    </ConfirmDialog>
  );
}

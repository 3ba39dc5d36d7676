import { useFormState, useWatch, type Control } from 'react-hook-form';
import type { ContactFormValues } from '../../field-types/contact-values.ts';

/** The form library marks a list input dirty item by item: any true mark below counts. */
const anyDirty = (marks: unknown): boolean =>
  marks === true || (typeof marks === 'object' && marks !== null && Object.values(marks).some(anyDirty));

/**
 * What saving changes to an existing contact sets off in CampaignLark (the contract). It listens to
 * the status and the tags, and to whether any value is dirty: typing in an input renders it once,
 * when that input first differs, never on every key.
 */
export function AutomationNote({ control, base }: { control: Control<ContactFormValues>; base: ContactFormValues }) {
  const [status, tags] = useWatch({ control, name: ['status', 'tags'] });
  const { dirtyFields } = useFormState({ control, name: 'values' });
  // Tags are a set, as the save counts them: removed and added again is no change.
  const changes = {
    tags: tags.length !== base.tags.length || tags.some((id) => !base.tags.includes(id)),
    values: anyDirty(dirtyFields.values),
    status: status !== base.status,
  };
  const notes = [
    changes.tags && 'Tag Added and Tag Removed automations run for the tags you added or removed.',
    changes.values && 'Field Updated automations may run for the fields you changed.',
    changes.status && 'Changing the status sets off no automation.',
  ].filter(Boolean);
  if (notes.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50"
    >
      <p className="font-semibold">Saving will set off:</p>
      <ul className="list-disc pl-5">
        {notes.map((note) => (
          <li key={String(note)}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

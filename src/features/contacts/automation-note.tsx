import { useWatch, type Control } from 'react-hook-form';
import { changesOf } from './contact-changes.ts';
import type { ContactFormValues, KnownField } from '../../field-types/contact-values.ts';

/** What saving changes to an existing contact sets off in CampaignLark (the contract). */
export function AutomationNote({
  control,
  fields,
  base,
}: {
  control: Control<ContactFormValues>;
  fields: readonly KnownField[];
  base: ContactFormValues;
}) {
  // The same idea of "changed" as the save: tags and multiple choices are sets.
  const changes = changesOf(fields, base, useWatch({ control }) as ContactFormValues);
  const notes = [
    changes.tags && 'Tag Added and Tag Removed automations run for the tags you added or removed.',
    Object.keys(changes.values).length > 0 && 'Field Updated automations may run for the fields you changed.',
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

/**
 * A contact as stored, for a person whose role may not change contacts: each value as text, to
 * read, select and copy, with the reason above. Not a disabled form: an inert one is hidden from
 * screen readers, and a disabled one cannot be tabbed through.
 */
import { useEffect, useState } from 'react';
import { NotAllowedNotice, type Permission } from '../../components/ui/not-allowed.tsx';
import { isKnown } from '../../field-types/contact-values.ts';
import { specForField } from '../../field-types/registry.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';
import { storedDrafts } from '../../lib/forms/drafts.ts';
import type { ContactFormProps } from './contact-form.tsx';

const NONE = '—';

interface ContactRecordProps extends Pick<ContactFormProps, 'fields' | 'tags' | 'initial' | 'draftKey'> {
  edit: Permission;
}

export function ContactRecord({ fields, tags, initial, draftKey, edit }: ContactRecordProps) {
  const tagName = (id: number) => tags.find((tag) => tag.id === id)?.name ?? `Tag ${id}`;
  const rows: { key: string; term: string; value: string }[] = [
    ...fields.filter(isKnown).map((field) => {
      const spec = specForField(field);
      // The values are decoded already; display writes them as the contacts list does.
      const value = spec.display(initial.values[field.merge_tag] ?? spec.empty) || NONE;
      return { key: `field:${field.merge_tag}`, term: field.label, value };
    }),
    { key: 'status', term: 'Status', value: STATUS_MEANINGS[initial.status].title },
    { key: 'tags', term: 'Tags', value: initial.tags.map(tagName).join(', ') || NONE },
  ];
  const unknown = fields.filter((field) => !isKnown(field));
  // Changes typed before the role changed are kept for when it lets them be saved. Read after
  // mounting: a form that gave way to this record writes its last keystrokes as it goes.
  const [kept, setKept] = useState(false);
  useEffect(() => setKept(storedDrafts().includes(draftKey)), [draftKey]);
  return (
    <section aria-label="Contact details" className="max-w-2xl space-y-5">
      <NotAllowedNotice permission={edit}>
        <p>
          {kept
            ? 'Your changes to this contact are not saved. They are kept as a draft in this browser, and come back when your role lets you save them.'
            : 'The values are shown as stored.'}
        </p>
      </NotAllowedNotice>
      <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-6 gap-y-3 text-sm">
        {rows.map(({ key, term, value }) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-700 dark:text-slate-300">{term}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {unknown.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Not shown, since Lark Admin does not know their types:{' '}
          {unknown.map((field) => `${field.label} (${field.raw_type})`).join(', ')}.
        </p>
      )}
    </section>
  );
}

/**
 * What a long generated form (60 inputs or more) adds: a "Find a field" box that jumps to an input
 * by its label, a switch for the merge-tag hints, and the error summary after a failed save.
 */
import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFormState, type Control } from 'react-hook-form';
import { Combobox } from '../../components/ui/combobox.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import type { ContactFormValues, KnownField } from '../../field-types/contact-values.ts';
import { foldForSearch } from '../../lib/text.ts';

/** From this many inputs on, a form gets the tools below. */
export const LONG_FORM_FIELDS = 60;

export const inputId = (field: KnownField) => `field-${field.merge_tag}`;

/**
 * Whether a form of `count` inputs is long, whether its merge tags show (a long form hides them
 * until asked), and `open`: brings an input into view and focuses it, rendering the tail first.
 */
export function useLongForm(count: number, rendered: { count: number; showAll: () => void }) {
  const long = count >= LONG_FORM_FIELDS;
  const [showHints, setShowHints] = useState(!long);
  const open = useCallback(
    (id: string) => {
      if (rendered.count < count) flushSync(rendered.showAll);
      const input = document.getElementById(id);
      input?.scrollIntoView({ block: 'center' });
      input?.focus({ preventScroll: true });
    },
    [rendered, count],
  );
  return { long, showHints, setShowHints, open };
}

const findFields = (fields: readonly KnownField[], query: string) => {
  const wanted = foldForSearch(query.trim());
  return wanted === ''
    ? [...fields]
    : fields.filter((field) => foldForSearch(field.label).includes(wanted) || field.merge_tag.includes(wanted));
};

interface LongFormToolsProps {
  fields: readonly KnownField[];
  showHints: boolean;
  onShowHints: (show: boolean) => void;
  /** Brings the input with this id into view and gives it the focus. */
  onOpen: (id: string) => void;
}

export function LongFormTools({ fields, showHints, onShowHints, onOpen }: LongFormToolsProps) {
  return (
    <div className="flex flex-wrap items-end gap-4 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-64 flex-1">
        <FormField
          id="find-field"
          label="Find a field"
          hint={`${fields.length} fields: type part of a label, then Enter.`}
        >
          {(aria) => (
            <Combobox<KnownField>
              {...aria}
              aria-required={undefined}
              items={fields}
              selected={null}
              onSelect={(field) => field && onOpen(inputId(field))}
              itemKey={(field) => String(field.id)}
              itemLabel={(field) => field.label}
              filter={findFields}
              noMatch="No field has that label."
            />
          )}
        </FormField>
      </div>
      <label className="flex items-center gap-1.5 pb-2 text-sm">
        <input
          type="checkbox"
          checked={showHints}
          onChange={(event) => onShowHints(event.target.checked)}
          className="size-4 accent-indigo-600"
        />
        Show merge tags
      </label>
    </div>
  );
}

/** The save's errors, in the form's order, each linking to its input. */
export function ContactErrorSummary({
  control,
  fields,
  onOpen,
}: {
  control: Control<ContactFormValues>;
  fields: readonly KnownField[];
  onOpen: (id: string) => void;
}) {
  const { errors, submitCount } = useFormState({ control });
  if (submitCount === 0) return null;
  const items = [
    ...fields.flatMap((field) => {
      const message = errors.values?.[field.merge_tag]?.message;
      return message ? [{ id: inputId(field), label: field.label, message }] : [];
    }),
    ...(errors.status?.message ? [{ id: 'status', label: 'Status', message: errors.status.message }] : []),
    ...(errors.tags?.message ? [{ id: 'tags', label: 'Tags', message: errors.tags.message }] : []),
  ];
  return <ErrorSummary items={items} attempt={submitCount} onOpen={onOpen} />;
}

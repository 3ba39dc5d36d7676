/** The field exactly as the contact form will show it, updated as the admin types. */
import { useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { FieldInput, mergeTagHint } from '../../field-types/inputs/field-input.tsx';
import type { FieldRules, FormValue } from '../../field-types/spec.ts';
import type { FieldType } from '../../contract/field-types.ts';
import { defaultRules, type FieldFormValues } from './field-form-schema.ts';

export function FieldPreview({ control }: { control: Control<FieldFormValues> }) {
  const [label, mergeTag, type, options, defaultValue, required] = useWatch({
    control,
    name: ['label', 'merge_tag', 'type', 'options', 'default_value', 'required'],
  });
  return (
    <aside
      aria-labelledby="preview-title"
      className="rounded-lg border border-dashed border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="preview-title" className="text-sm font-semibold">
        Preview
      </h2>
      <p className="mb-4 text-xs text-slate-600 dark:text-slate-400">How the contact form will show this field.</p>
      {type === '' ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Choose a type to see its input.</p>
      ) : (
        <PreviewInput
          // A new default, type or option list starts the preview afresh.
          key={JSON.stringify([type, defaultValue, options])}
          type={type}
          rules={{ ...defaultRules(type, options), label: label.trim() || 'Untitled field', required }}
          mergeTag={mergeTag}
          initial={defaultValue}
        />
      )}
    </aside>
  );
}

function PreviewInput({
  type,
  rules,
  mergeTag,
  initial,
}: {
  type: FieldType;
  rules: FieldRules;
  mergeTag: string;
  initial: FormValue;
}) {
  const [value, setValue] = useState(initial);
  return (
    <FieldInput
      id="field-preview"
      name="preview"
      type={type}
      rules={rules}
      value={value}
      onChange={setValue}
      hint={mergeTagHint(mergeTag || '…')}
    />
  );
}

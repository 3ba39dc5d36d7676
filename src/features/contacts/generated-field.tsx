/** One generated input of the contact form, and the choice it offers when its value was changed elsewhere. */
import { memo, useMemo } from 'react';
import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { Button } from '../../components/ui/button.tsx';
import { FieldInput, mergeTagHint, NativeFieldInput } from '../../field-types/inputs/field-input.tsx';
import { inputsFor } from '../../field-types/inputs/registry.ts';
import { specForField } from '../../field-types/registry.ts';
import type { FormValue } from '../../field-types/spec.ts';
import { contactRules, type ContactFormValues, type KnownField } from '../../field-types/contact-values.ts';

export type Resolution = 'theirs' | 'mine';

/** The words under an input whose value was changed elsewhere; `now` as a person reads it. */
export const conflictMessage = (now: string) =>
  `Changed elsewhere since you opened this contact: ${now === '' ? 'now empty' : `now “${now}”`}.`;

/** "Use theirs" and "Keep mine", grouped under the input they settle. */
export function ConflictChoice({ label, onResolve }: { label: string; onResolve: (choice: Resolution) => void }) {
  return (
    <div role="group" aria-label={`${label}: changed elsewhere`} className="mt-1 flex flex-wrap gap-2">
      <Button onClick={() => onResolve('theirs')}>Use theirs</Button>
      <Button onClick={() => onResolve('mine')}>Keep mine</Button>
    </div>
  );
}

const MemoFieldInput = memo(FieldInput);

interface GeneratedFieldProps {
  field: KnownField;
  control: Control<ContactFormValues>;
  register: UseFormRegister<ContactFormValues>;
  defaultValue: FormValue | undefined;
  /** The input's error, for an input that holds its own value (a picker reads its own). */
  error: string | undefined;
  /** The value stored now, when the admin's change meets a change made elsewhere. */
  conflict: FormValue | undefined;
  onResolve: (mergeTag: string, choice: Resolution) => void;
  /** Whether the merge tag shows under the input (a long form hides them until asked). */
  showHint: boolean;
}

/**
 * One generated input. Inputs the browser can hold (text, number, date, yes/no, a single choice)
 * are registered uncontrolled: typing in them renders nothing. The pickers are controlled. Props
 * stay the same objects between renders, so a submit re-renders only the inputs whose error changed.
 */
export const GeneratedField = memo(function GeneratedField({
  field,
  control,
  register,
  defaultValue,
  error,
  conflict,
  onResolve,
  showHint,
}: GeneratedFieldProps) {
  const rules = useMemo(() => contactRules(field), [field]);
  const hint = useMemo(() => (showHint ? mergeTagHint(field.merge_tag) : undefined), [field.merge_tag, showHint]);
  const spec = specForField(field);
  const conflictText = conflict === undefined ? undefined : conflictMessage(spec.display(conflict));
  const name = `values.${field.merge_tag}` as const;
  const shown = (own: string | undefined) => [conflictText, own].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      {inputsFor(field).Native ? (
        <NativeFieldInput
          id={`field-${field.merge_tag}`}
          type={field.type}
          mergeTag={field.merge_tag}
          rules={rules}
          registration={register(name)}
          initial={defaultValue}
          hint={hint}
          error={shown(error)}
        />
      ) : (
        <Controller
          control={control}
          name={name}
          defaultValue={defaultValue}
          render={({ field: input, fieldState }) => (
            <MemoFieldInput
              id={`field-${field.merge_tag}`}
              name={input.name}
              type={field.type}
              mergeTag={field.merge_tag}
              rules={rules}
              value={input.value}
              onChange={input.onChange}
              onBlur={input.onBlur}
              inputRef={input.ref}
              hint={hint}
              error={shown(fieldState.error?.message)}
            />
          )}
        />
      )}
      {conflict !== undefined && (
        <ConflictChoice label={field.label} onResolve={(choice) => onResolve(field.merge_tag, choice)} />
      )}
    </div>
  );
});

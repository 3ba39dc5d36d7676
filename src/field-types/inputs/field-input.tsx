/**
 * One field as the contact form shows it: its label (with the required mark), the type's widget,
 * the merge tag as a hint, and an error. The field form's live preview renders this same
 * component, so the preview cannot drift from the real thing.
 */
import type { ReactNode, Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from '../../components/ui/form-field.tsx';
import type { FieldType } from '../../contract/field-types.ts';
import type { FieldRules, FormValue } from '../spec.ts';
import { inputsFor } from './registry.ts';

interface FieldInputProps {
  id: string;
  name: string;
  type: FieldType;
  /** The field's merge tag, when it has one yet (the preview of a new field may not). */
  mergeTag?: string;
  rules: FieldRules;
  value: FormValue;
  onChange: (value: FormValue) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLElement>;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
}

export function FieldInput({
  id,
  name,
  type,
  mergeTag = '',
  rules,
  value,
  onChange,
  onBlur,
  inputRef,
  hint,
  error,
  disabled,
}: FieldInputProps) {
  const { Widget } = inputsFor({ type, merge_tag: mergeTag });
  return (
    <FormField id={id} label={rules.label} hint={hint} error={error} required={rules.required}>
      {(aria) => (
        <Widget
          {...aria}
          name={name}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          rules={rules}
          inputRef={inputRef}
          disabled={disabled}
        />
      )}
    </FormField>
  );
}

interface NativeFieldInputProps {
  id: string;
  type: FieldType;
  mergeTag: string;
  rules: FieldRules;
  registration: UseFormRegisterReturn;
  initial: FormValue | undefined;
  hint?: ReactNode;
  error?: string | undefined;
}

/** The same, with an input that holds its own value (the type must have a Native). */
export function NativeFieldInput({
  id,
  type,
  mergeTag,
  rules,
  registration,
  initial,
  hint,
  error,
}: NativeFieldInputProps) {
  const { Native } = inputsFor({ type, merge_tag: mergeTag });
  if (!Native) throw new Error(`The ${type} type has no native input.`);
  return (
    <FormField id={id} label={rules.label} hint={hint} error={error} required={rules.required}>
      {(aria) => <Native {...aria} registration={registration} rules={rules} initial={initial} />}
    </FormField>
  );
}

/** The hint under a generated input: where its value goes in CampaignLark. */
export function mergeTagHint(mergeTag: string) {
  return (
    <>
      Merge tag <code className="font-mono">{`contact.${mergeTag}`}</code>
    </>
  );
}

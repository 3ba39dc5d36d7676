/** The field's default value, edited with the input its type gives contacts, limited to its options. */
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { FormField } from '../../components/ui/form-field.tsx';
import type { FieldType } from '../../contract/field-types.ts';
import { inputsFor } from '../../field-types/inputs/registry.ts';
import { defaultRules, type FieldFormValues } from './field-form-schema.ts';

export function DefaultValueInput({ type }: { type: FieldType }) {
  const { control } = useFormContext<FieldFormValues>();
  const options = useWatch({ control, name: 'options' });
  const { Widget } = inputsFor({ type });
  return (
    <Controller
      control={control}
      name="default_value"
      render={({ field: input, fieldState }) => (
        <FormField
          id="default_value"
          label="Default value"
          error={fieldState.error?.message}
          hint="Optional. New contacts start with this value."
        >
          {(aria) => (
            <Widget
              {...aria}
              aria-required={undefined}
              name={input.name}
              value={input.value}
              onChange={input.onChange}
              onBlur={input.onBlur}
              inputRef={input.ref}
              rules={defaultRules(type, options)}
            />
          )}
        </FormField>
      )}
    />
  );
}

import { Controller, useFormContext } from 'react-hook-form';
import { FIELD_TYPES } from '../../contract/field-types.ts';
import { fieldTypes } from '../../field-types/registry.ts';
import type { FieldFormValues } from './field-form-schema.ts';

/** The seven types as radio cards; on edit only the field's own, since CampaignLark cannot change it. */
export function TypeChoice({ editing }: { editing: boolean }) {
  const { control, setValue, formState, getValues } = useFormContext<FieldFormValues>();
  const error = formState.errors.type?.message;
  const shown = editing ? FIELD_TYPES.filter((type) => type === getValues('type')) : FIELD_TYPES;
  return (
    <fieldset
      aria-describedby={[editing ? 'type-fixed' : '', error ? 'type-error' : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="text-sm font-medium">
        Type
        <span aria-hidden="true" className="ml-0.5 text-red-700 dark:text-red-400">
          *
        </span>
      </legend>
      {editing && (
        <p id="type-fixed" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          A field's type cannot be changed: CampaignLark refuses it. To use another type, create a new field and delete
          this one.
        </p>
      )}
      <Controller
        control={control}
        name="type"
        render={({ field: input }) => (
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {shown.map((type, index) => (
              <div
                key={type}
                className="flex gap-2 rounded-md border border-slate-200 bg-white p-3 has-checked:border-indigo-600 has-checked:ring-1 has-checked:ring-indigo-600 dark:border-slate-700 dark:bg-slate-900"
              >
                <input
                  id={`type-${type}`}
                  ref={index === 0 ? input.ref : undefined}
                  type="radio"
                  name={input.name}
                  value={type}
                  checked={input.value === type}
                  disabled={editing}
                  aria-describedby={`type-${type}-description`}
                  aria-invalid={error ? true : undefined}
                  onBlur={input.onBlur}
                  onChange={() => {
                    // The default takes the new type's shape in the same render as the type itself,
                    // and the type is this radio's own: nothing is read back from the page.
                    setValue('default_value', fieldTypes[type].empty);
                    input.onChange(type);
                  }}
                  className="mt-0.5 size-4 accent-indigo-600"
                />
                <div>
                  <label htmlFor={`type-${type}`} className="text-sm font-medium">
                    {fieldTypes[type].title}
                  </label>
                  <p id={`type-${type}-description`} className="text-xs text-slate-600 dark:text-slate-400">
                    {fieldTypes[type].description}
                  </p>
                </div>
              </div>
            ))}
          </div>
        )}
      />
      {error && (
        <p id="type-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

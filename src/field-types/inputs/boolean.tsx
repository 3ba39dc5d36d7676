import type { Ref } from 'react';
import type { InputSpec, NativeProps, WidgetProps } from './spec.ts';

const checkboxClass = 'size-5 rounded border-slate-400 accent-indigo-600';

function BooleanInput({ value, onChange, inputRef, rules: _, ...props }: WidgetProps<boolean | null>) {
  return (
    <input
      {...props}
      ref={inputRef as Ref<HTMLInputElement>}
      type="checkbox"
      className={checkboxClass}
      checked={value === true}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

function BooleanNative({ registration, rules: _, initial: __, ...props }: NativeProps<boolean | null>) {
  return <input {...props} {...registration} type="checkbox" className={checkboxClass} />;
}

export const booleanInputs: InputSpec<boolean | null> = { Widget: BooleanInput, Native: BooleanNative };

import type { InputHTMLAttributes, Ref } from 'react';
import { inputClass } from '../components/ui/styles.ts';
import type { NativeProps, WidgetProps } from './spec.ts';

type Attributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete'>;

/** A widget that is one <input> holding a string: text, number-as-text, date. */
export function plainInput(attributes: Attributes) {
  return function PlainInput({ value, onChange, inputRef, rules: _, ...props }: WidgetProps<string>) {
    return (
      <input
        {...props}
        {...attributes}
        ref={inputRef as Ref<HTMLInputElement>}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  };
}

/** The same <input>, holding its own value (see NativeProps). */
export function plainNative(attributes: Attributes) {
  return function PlainNative({ registration, rules: _, initial: __, ...props }: NativeProps<string>) {
    return <input {...props} {...attributes} {...registration} className={inputClass} />;
  };
}

/** The types whose input is one <input> holding a string: text, email, number-as-text, date. */
import type { InputHTMLAttributes, Ref } from 'react';
import { inputClass } from '../../components/ui/styles.ts';
import type { InputSpec, NativeProps, WidgetProps } from './spec.ts';

type Attributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete'>;

function plainInputs(attributes: Attributes): InputSpec<string> {
  function PlainInput({ value, onChange, inputRef, rules: _, ...props }: WidgetProps<string>) {
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
  }
  function PlainNative({ registration, rules: _, initial: __, ...props }: NativeProps<string>) {
    return <input {...props} {...attributes} {...registration} className={inputClass} />;
  }
  return { Widget: PlainInput, Native: PlainNative };
}

export const textInputs = plainInputs({ type: 'text' });

export const emailInputs = plainInputs({ type: 'email', inputMode: 'email', autoComplete: 'off' });

/**
 * A text box that accepts decimals and negatives. Not type="number": that one changes its value
 * under the scroll wheel and hides what was typed when it is not a number.
 */
export const numberInputs = plainInputs({ type: 'text', inputMode: 'decimal', autoComplete: 'off' });

/** The browser's date picker, whose value is already "YYYY-MM-DD": no Date object, no time zone. */
export const dateInputs = plainInputs({ type: 'date' });

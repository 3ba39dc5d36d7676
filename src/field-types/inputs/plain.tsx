/** The types whose input is one <input> holding a string: text, email, number-as-text, date. */
import type { ClipboardEvent, InputHTMLAttributes, Ref } from 'react';
import { inputClass } from '../../components/ui/styles.ts';
import { pastedValue } from './pasted.ts';
import type { InputSpec, NativeProps, WidgetProps } from './spec.ts';

type Attributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete'>;

/**
 * A value pasted over the whole input (or into an empty one) is read as a spreadsheet writes it
 * ("1.234,56" → "1234.56"); text pasted into the middle of what is typed stays as it is.
 */
function onPasteFor(
  read: ((text: string) => string | null) | undefined,
  apply: (input: HTMLInputElement, value: string) => void,
) {
  if (!read) return undefined;
  return (event: ClipboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const whole = input.value === '' || (input.selectionStart === 0 && input.selectionEnd === input.value.length);
    const value = whole ? read(event.clipboardData.getData('text/plain')) : null;
    if (value === null) return;
    event.preventDefault();
    apply(input, value);
  };
}

function plainInputs(attributes: Attributes, read?: (text: string) => string | null): InputSpec<string> {
  function PlainInput({ value, onChange, inputRef, rules: _, ...props }: WidgetProps<string>) {
    return (
      <input
        {...props}
        {...attributes}
        ref={inputRef as Ref<HTMLInputElement>}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onPaste={onPasteFor(read, (_, pasted) => onChange(pasted))}
      />
    );
  }
  function PlainNative({ registration, rules: _, initial: __, ...props }: NativeProps<string>) {
    return (
      <input
        {...props}
        {...attributes}
        {...registration}
        className={inputClass}
        onPaste={onPasteFor(read, (input, pasted) => {
          // The browser holds this input's value: set it there, and tell the form as a keystroke would.
          input.value = pasted;
          void registration.onChange({ target: input, type: 'change' });
        })}
      />
    );
  }
  return { Widget: PlainInput, Native: PlainNative };
}

export const textInputs = plainInputs({ type: 'text' });

export const emailInputs = plainInputs({ type: 'email', inputMode: 'email', autoComplete: 'off' });

/**
 * A text box that accepts decimals and negatives. Not type="number": that one changes its value
 * under the scroll wheel and hides what was typed when it is not a number.
 */
export const numberInputs = plainInputs({ type: 'text', inputMode: 'decimal', autoComplete: 'off' }, (text) =>
  pastedValue('NUMBER', text),
);

/** The browser's date picker, whose value is already "YYYY-MM-DD": no Date object, no time zone. */
export const dateInputs = plainInputs({ type: 'date' });

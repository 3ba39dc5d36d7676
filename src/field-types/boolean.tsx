import type { Ref } from 'react';
import * as z from 'zod/mini';
import type { FieldTypeSpec, NativeProps, WidgetProps } from './spec.ts';

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

const checkboxClass = 'size-5 rounded border-slate-400 accent-indigo-600';

function BooleanNative({ registration, rules: _, initial: __, ...props }: NativeProps<boolean | null>) {
  return <input {...props} {...registration} type="checkbox" className={checkboxClass} />;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

function readBoolean(stored: unknown): boolean | null {
  if (typeof stored === 'boolean') return stored;
  const text = String(stored ?? '')
    .trim()
    .toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}

export const booleanType: FieldTypeSpec<boolean | null> = {
  title: 'Yes / no',
  description: 'A tick box: yes when ticked, no when not.',
  empty: null,
  Widget: BooleanInput,
  Native: BooleanNative,
  // An unticked box is an answer ("no"), so a required yes/no never blocks a form.
  schema: () => z.nullable(z.boolean()),
  // Never touched: left out when optional; a required one says "no".
  encode: (value, rules) => value ?? (rules.required ? false : undefined),
  decode: readBoolean,
  parseDefault: (text) => (text === 'true' ? true : text === 'false' ? false : null),
  formatDefault: (value) => (value === null ? '' : String(value)),
  display: (value) => (value === null ? '' : value ? 'Yes' : 'No'),
};

import type { Ref } from 'react';
import { inputClass } from '../components/ui/styles.ts';
import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec, WidgetProps } from './spec.ts';

function TextInput({ value, onChange, inputRef, rules: _, ...props }: WidgetProps<string>) {
  return (
    <input
      {...props}
      ref={inputRef as Ref<HTMLInputElement>}
      type="text"
      className={inputClass}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export const textType: FieldTypeSpec<string> = {
  title: 'Text',
  description: 'Any words or characters, such as a name or a company.',
  empty: '',
  Widget: TextInput,
  schema: (rules) => textRule(rules),
  encode: encodeText,
  decode: (stored) => {
    if (stored === null || stored === undefined) return '';
    return Array.isArray(stored) ? stored.join(', ') : String(stored);
  },
  parseDefault: (text) => text,
  formatDefault: (value) => value.trim(),
  display: (value) => value,
};

import type { Ref } from 'react';
import { inputClass } from '../components/ui/styles.ts';
import { canonicalOption, encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec, WidgetProps } from './spec.ts';

/** A native select: fast with a thousand options, and every screen reader knows it. */
function SingleChoice({ value, onChange, inputRef, rules, ...props }: WidgetProps<string>) {
  // A stored value that is no longer an option still shows, so it is never silently dropped.
  const stale = value !== '' && !rules.options.includes(value);
  return (
    <select
      {...props}
      ref={inputRef as Ref<HTMLSelectElement>}
      className={inputClass}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{rules.required ? 'Choose an option' : 'No choice'}</option>
      {stale && <option value={value}>{value} (no longer an option)</option>}
      {rules.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

export const dropdownSingleType: FieldTypeSpec<string> = {
  title: 'Single choice',
  description: 'One option from a list you define, such as a plan or a size.',
  empty: '',
  Widget: SingleChoice,
  schema: (rules) =>
    textRule(rules, (text) => (rules.options.includes(text) ? null : 'Choose one of the options in the list.')),
  encode: encodeText,
  decode: (stored, rules) => {
    if (typeof stored !== 'string' && typeof stored !== 'number') return '';
    return canonicalOption(rules.options, String(stored)) ?? String(stored);
  },
  parseDefault: (text, rules) => canonicalOption(rules.options, text) ?? '',
  formatDefault: (value) => value,
  display: (value) => value,
};

import type { Ref } from 'react';
import { inputClass } from '../components/ui/styles.ts';
import { canonicalOption, encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec, NativeProps, WidgetProps } from './spec.ts';

function ChoiceOptions({ rules, stale }: { rules: WidgetProps<string>['rules']; stale: string | null }) {
  return (
    <>
      <option value="">{rules.required ? 'Choose an option' : 'No choice'}</option>
      {stale !== null && <option value={stale}>{stale} (no longer an option)</option>}
      {rules.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </>
  );
}

/** A stored value that is no longer an option still shows, so it is never silently dropped. */
const staleOf = (value: string | undefined, rules: WidgetProps<string>['rules']) =>
  value && !rules.options.includes(value) ? value : null;

/** A native select: fast with a thousand options, and every screen reader knows it. */
function SingleChoice({ value, onChange, inputRef, rules, ...props }: WidgetProps<string>) {
  return (
    <select
      {...props}
      ref={inputRef as Ref<HTMLSelectElement>}
      className={inputClass}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <ChoiceOptions rules={rules} stale={staleOf(value, rules)} />
    </select>
  );
}

function SingleChoiceNative({ registration, rules, initial, ...props }: NativeProps<string>) {
  return (
    <select {...props} {...registration} className={inputClass}>
      <ChoiceOptions rules={rules} stale={staleOf(initial, rules)} />
    </select>
  );
}

export const dropdownSingleType: FieldTypeSpec<string> = {
  title: 'Single choice',
  description: 'One option from a list you define, such as a plan or a size.',
  empty: '',
  Widget: SingleChoice,
  Native: SingleChoiceNative,
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

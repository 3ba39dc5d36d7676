/** The dropdown types' inputs: a native select for one choice, a chip picker for several. */
import type { Ref } from 'react';
import { MultiSelect } from '../../components/ui/multi-select.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import type { FieldRules } from '../spec.ts';
import type { InputSpec, NativeProps, WidgetProps } from './spec.ts';

function ChoiceOptions({ rules, stale }: { rules: FieldRules; stale: string | null }) {
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
const staleOf = (value: string | undefined, rules: FieldRules) =>
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

function MultipleChoice({ rules, ...props }: WidgetProps<string[]>) {
  const chipLabel = (item: string) => (rules.options.includes(item) ? item : `${item} (no longer an option)`);
  return <MultiSelect {...props} options={rules.options} chipLabel={chipLabel} />;
}

export const singleChoiceInputs: InputSpec<string> = { Widget: SingleChoice, Native: SingleChoiceNative };
export const multipleChoiceInputs: InputSpec<string[]> = { Widget: MultipleChoice };

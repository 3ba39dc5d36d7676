/** The condition's value, typed with the field's own input; kept in the URL as text. */
import { useState } from 'react';
import { FormField } from '../../components/ui/form-field.tsx';
import { contactRules, type KnownField } from '../../field-types/contact-values.ts';
import { inputsFor } from '../../field-types/inputs/registry.ts';
import { specForField } from '../../field-types/registry.ts';
import { useCommitAfterPause } from './use-commit-after-pause.ts';

export default function ConditionValue({
  id,
  field,
  text,
  onChange,
}: {
  id: string;
  field: KnownField;
  text: string;
  onChange: (text: string) => void;
}) {
  const spec = specForField(field);
  const rules = { ...contactRules(field), label: 'Value', required: false };
  const [value, setValue] = useState(() => spec.parseDefault(text, rules));
  // The address can change under the input (a row removed above, Back, a saved view): it then leads.
  const [shown, setShown] = useState(text);
  if (text !== shown) {
    setShown(text);
    if (text !== spec.formatDefault(value)) setValue(spec.parseDefault(text, rules));
  }
  useCommitAfterPause(spec.formatDefault(value), text, onChange);
  const { Widget } = inputsFor(field);
  return (
    <FormField id={id} label="Value">
      {(aria) => <Widget {...aria} name="value" value={value} rules={rules} onChange={setValue} />}
    </FormField>
  );
}

/**
 * Every field type's inputs. Apart from the value rules (../registry.ts), so a page that only
 * shows values never loads the pickers. The mapped type makes this exhaustive, as there.
 */
import { EMAIL_MERGE_TAG, type FieldType } from '../../contract/field-types.ts';
import type { FormValue } from '../spec.ts';
import { booleanInputs } from './boolean.tsx';
import { multipleChoiceInputs, singleChoiceInputs } from './choice.tsx';
import { countryInputs } from './country.tsx';
import { dateInputs, emailInputs, numberInputs, textInputs } from './plain.tsx';
import type { InputRegistry, InputSpec } from './spec.ts';

const fieldInputs: InputRegistry = {
  TEXT: textInputs,
  NUMBER: numberInputs,
  BOOLEAN: booleanInputs,
  DATE: dateInputs,
  DROPDOWN_SINGLE: singleChoiceInputs,
  DROPDOWN_MULTIPLE: multipleChoiceInputs,
  COUNTRY: countryInputs,
};

/** A field's inputs: its type's, except for the email field, which gets an email keyboard. */
export function inputsFor(field: { type: FieldType; merge_tag?: string }): InputSpec<FormValue> {
  const inputs = field.merge_tag === EMAIL_MERGE_TAG ? emailInputs : fieldInputs[field.type];
  return inputs as InputSpec<FormValue>;
}

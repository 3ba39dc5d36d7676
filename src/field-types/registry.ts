/**
 * Every field type, with everything the app knows about it. The mapped type makes this
 * exhaustive: a FieldType added to the contract and not handled here fails to compile.
 */
import { EMAIL_MERGE_TAG, hasOptions, parseDefinition, type FieldType } from '../contract/field-types.ts';
import { booleanType } from './boolean.ts';
import { countryType } from './country.ts';
import { dateType } from './date.ts';
import { dropdownMultipleType } from './dropdown-multiple.ts';
import { dropdownSingleType } from './dropdown-single.ts';
import { emailSpec } from './email.ts';
import { numberType } from './number.ts';
import type { FieldRules, FieldTypeSpec, FormValue, Registry } from './spec.ts';
import { textType } from './text.ts';

export const fieldTypes: Registry = {
  TEXT: textType,
  NUMBER: numberType,
  BOOLEAN: booleanType,
  DATE: dateType,
  DROPDOWN_SINGLE: dropdownSingleType,
  DROPDOWN_MULTIPLE: dropdownMultipleType,
  COUNTRY: countryType,
};

/** The spec for a type, for code that handles any type's values alike. */
export function specFor(type: FieldType): FieldTypeSpec<FormValue> {
  return fieldTypes[type] as FieldTypeSpec<FormValue>;
}

/** The spec for a particular field: its type's, except for the email field, which holds an address. */
export function specForField(field: { type: FieldType; merge_tag: string }): FieldTypeSpec<FormValue> {
  return field.merge_tag === EMAIL_MERGE_TAG ? (emailSpec as FieldTypeSpec<FormValue>) : specFor(field.type);
}

/** The rules a type's spec needs, from a field as the API describes it. */
export function rulesOf(field: { label: string; required: boolean; type: FieldType; definition: string }): FieldRules {
  return {
    label: field.label,
    required: field.required,
    options: hasOptions(field.type) ? parseDefinition(field.definition) : [],
  };
}

/** Whether a value (from a stored draft, say) has the shape a type's widget edits. */
export function isFormValueOf(type: FieldType, value: unknown): value is FormValue {
  const empty = fieldTypes[type].empty;
  if (Array.isArray(empty)) return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (empty === null) return value === null || typeof value === 'boolean';
  return typeof value === 'string';
}

/** Equal as the form holds them; a multiple choice is a set, so its order does not count. */
export function sameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  return a === b;
}

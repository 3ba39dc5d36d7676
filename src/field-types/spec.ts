/**
 * What every field type module provides: the rules of its values, free of React, so the list and
 * the import can use them without loading the inputs (those are in inputs/).
 */
import type * as z from 'zod/mini';
import type { FieldType } from '../contract/field-types.ts';
import type { WireValue } from '../contract/values.ts';

/** The form value each type's widget edits. Dates stay "YYYY-MM-DD" strings throughout. */
export interface FormValueByType {
  TEXT: string;
  /** The text as typed, so "-" and "3." survive while someone is typing. */
  NUMBER: string;
  /** null: never set, which an optional yes/no leaves out of the contact. */
  BOOLEAN: boolean | null;
  DATE: string;
  DROPDOWN_SINGLE: string;
  DROPDOWN_MULTIPLE: string[];
  /** An ISO 3166-1 alpha-2 code, or "". */
  COUNTRY: string;
}

export type FormValue = FormValueByType[FieldType];

/** What a type needs to know about the field it serves. */
export interface FieldRules {
  label: string;
  required: boolean;
  /** The dropdown's options, parsed from `definition`; empty for other types. */
  options: readonly string[];
}

/** How a column writes its values, detected from the column or chosen by the admin once. */
export interface ColumnReading {
  dateOrder?: 'DMY' | 'MDY' | 'YMD';
  decimal?: ',' | '.';
}

/** A cell read as this type: the form value, or why it cannot be one (in words for the admin). */
export type FromText<V> = { value: V } | { problem: string };

export interface FieldTypeSpec<V> {
  title: string;
  description: string;
  /** The value of an untouched input. */
  empty: V;
  /** The check a value must pass before it is sent, in words for the person typing. */
  schema: (rules: FieldRules) => z.ZodMiniType<V>;
  /** To the contract's encoding; undefined means "leave it out of `fields`". */
  encode: (value: V, rules: FieldRules) => WireValue | undefined;
  /** From whatever the API holds, tolerantly (contract, "Reading is tolerant"). */
  decode: (stored: unknown, rules: FieldRules) => V;
  /** A `default_value` string to a form value; one that does not fit is ignored (empty). */
  parseDefault: (text: string, rules: FieldRules) => V;
  formatDefault: (value: V) => string;
  /** The value as a person reads it in a list ("Yes", "Germany", "Red, Blue"); '' when empty. */
  display: (value: V) => string;
}

export type Registry = { [T in FieldType]: FieldTypeSpec<FormValueByType[T]> };

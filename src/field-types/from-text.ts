/**
 * Each field type's reader for values as spreadsheets and CSV files write them ("Deutschland",
 * "31/12/1990", "ja", "1.234,56", "Golf|Chess"), used by the import and by pasting. One exhaustive
 * map beside the value rules (registry.ts), and apart from them, so a page that only shows values
 * never loads the country names or the date formats.
 */
import { EMAIL_MERGE_TAG, type FieldType } from '../contract/field-types.ts';
import { isPlausibleEmail } from '../contract/values.ts';
import { countryCodeFromText } from '../lib/country-names.ts';
import { FALSE, TRUE } from './boolean.ts';
import { dateFromText } from './date-text.ts';
import { optionsFromText } from './dropdown-multiple.ts';
import { addressFromText, EMAIL_PROBLEM } from './email.ts';
import { NOT_A_NUMBER, numberFromText } from './number.ts';
import { foldOption, matchOption } from './rules.ts';
import type { ColumnReading, FieldRules, FormValue, FormValueByType, FromText } from './spec.ts';

export type FromTextReader<V> = (text: string, rules: FieldRules, reading: ColumnReading) => FromText<V>;

/** A from-text reader that needs to handle only real text: every blank cell is the type's empty value. */
export function blankIsEmpty<V>(
  empty: V,
  read: (text: string, rules: FieldRules, reading: ColumnReading) => FromText<V>,
): (text: string, rules: FieldRules, reading: ColumnReading) => FromText<V> {
  return (text, rules, reading) => (text.trim() === '' ? { value: empty } : read(text.trim(), rules, reading));
}

/**
 * What spreadsheets write for yes and no, in the languages of the workspaces we meet: a tick
 * column is often "x" or blank. Folded, so "Sí" and "sí" are "si".
 */
const WRITTEN_TRUE = new Set([...TRUE, 'y', 'x', 'ja', 'oui', 'si', 'wahr', 'vrai']);
const WRITTEN_FALSE = new Set([...FALSE, 'n', 'nein', 'non', 'falsch', 'faux']);

const readers: { [T in FieldType]: FromTextReader<FormValueByType[T]> } = {
  TEXT: blankIsEmpty<string>('', (text) => ({ value: text })),
  NUMBER: blankIsEmpty<string>('', (text, _rules, reading) => {
    const plain = numberFromText(text, reading.decimal);
    return plain === null ? { problem: NOT_A_NUMBER } : { value: plain };
  }),
  BOOLEAN: blankIsEmpty<boolean | null>(null, (text) => {
    const word = foldOption(text);
    if (WRITTEN_TRUE.has(word)) return { value: true };
    if (WRITTEN_FALSE.has(word)) return { value: false };
    return { problem: 'Write yes or no (or true/false, 1/0, x).' };
  }),
  DATE: blankIsEmpty<string>('', (text, _rules, reading) => dateFromText(text, reading.dateOrder)),
  // An option the field lacks is kept as written: the import lists it and offers to add it.
  DROPDOWN_SINGLE: blankIsEmpty<string>('', (text, rules) => ({ value: matchOption(rules.options, text) ?? text })),
  DROPDOWN_MULTIPLE: (text, rules) => ({ value: optionsFromText(text, rules.options) }),
  COUNTRY: blankIsEmpty<string>('', (text) => {
    const code = countryCodeFromText(text);
    return code === null
      ? { problem: 'Not a country Lark Admin knows; use its name or two-letter code.' }
      : { value: code };
  }),
};

const readEmail: FromTextReader<string> = blankIsEmpty<string>('', (text) => {
  const address = addressFromText(text);
  return isPlausibleEmail(address) ? { value: address } : { problem: EMAIL_PROBLEM };
});

/** The reader for a type. */
export function fromTextOf(type: FieldType): FromTextReader<FormValue> {
  return readers[type] as FromTextReader<FormValue>;
}

/** The reader for a field: its type's, except for the email field, which reads an address. */
export function fromTextFor(field: { type: FieldType; merge_tag?: string }): FromTextReader<FormValue> {
  return field.merge_tag === EMAIL_MERGE_TAG ? (readEmail as FromTextReader<FormValue>) : fromTextOf(field.type);
}

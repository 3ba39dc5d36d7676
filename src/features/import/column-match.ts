/**
 * Which field each column of a file goes to, guessed as a person would: by the field's label or
 * merge tag, by the words other tools and languages use for it (e-mail, given name, surname,
 * land, pays…), ignoring case, accents and punctuation; then by the values themselves (a column
 * of addresses is the email, a column of country codes or names is the country field). Each field
 * takes one column; the first that fits.
 */
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { isPlausibleEmail } from '../../contract/values.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { countryCodeFromText } from '../../lib/country-names.ts';
import { foldForSearch } from '../../lib/text.ts';

export type MatchTarget = { kind: 'field'; mergeTag: string } | { kind: 'status' } | { kind: 'skip' };

/** Letters and digits only: "E-Mail Address" and "email_address" are the same. */
export const headerKey = (text: string) => foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, '');

const WORDS_FOR: Record<string, readonly string[]> = {
  [EMAIL_MERGE_TAG]: [
    'email',
    'e-mail',
    'mail',
    'email address',
    'e-mail address',
    'courriel',
    'correo',
    'correo electrónico',
    'e-mail-adresse',
    'emailadresse',
    'adresse e-mail',
  ],
  first_name: [
    'first name',
    'firstname',
    'first',
    'given name',
    'forename',
    'vorname',
    'prénom',
    'nombre',
    'voornaam',
    'nome',
  ],
  last_name: [
    'last name',
    'lastname',
    'last',
    'surname',
    'family name',
    'nachname',
    'nom',
    'nom de famille',
    'apellido',
    'achternaam',
    'cognome',
  ],
};
const COUNTRY_WORDS = ['country', 'country code', 'land', 'pays', 'país', 'paese', 'nation', 'staat'];
const STATUS_WORDS = ['status', 'subscription status', 'subscription', 'email status'];

const keysOf = (words: readonly string[]) => new Set(words.map(headerKey));
const COUNTRY_KEYS = keysOf(COUNTRY_WORDS);
const STATUS_KEYS = keysOf(STATUS_WORDS);

/** Share of a column's non-blank sample that must fit for its values to decide. */
const BY_VALUES_SHARE = 0.9;
const SAMPLE = 200;

/** The first `limit` non-blank values of a column, trimmed: what a column is judged by. */
export function columnValues(rows: readonly (readonly string[])[], column: number, limit: number): string[] {
  const values: string[] = [];
  for (const row of rows) {
    const value = (row[column] ?? '').trim();
    if (value !== '') values.push(value);
    if (values.length === limit) break;
  }
  return values;
}

const mostly = (values: readonly string[], test: (value: string) => boolean) =>
  values.length > 0 && values.filter(test).length >= values.length * BY_VALUES_SHARE;

export function matchColumns(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  fields: readonly KnownField[],
): MatchTarget[] {
  const taken = new Set<string>();
  let statusTaken = false;
  const targets: MatchTarget[] = headers.map(() => ({ kind: 'skip' }));
  const take = (column: number, field: KnownField | undefined) => {
    if (!field || taken.has(field.merge_tag) || targets[column]!.kind !== 'skip') return;
    taken.add(field.merge_tag);
    targets[column] = { kind: 'field', mergeTag: field.merge_tag };
  };
  const countryFields = fields.filter((field) => field.type === 'COUNTRY');

  headers.forEach((header, column) => {
    const key = headerKey(header);
    take(
      column,
      fields.find((field) => headerKey(field.label) === key || headerKey(field.merge_tag) === key),
    );
    take(
      column,
      fields.find((field) => keysOf(WORDS_FOR[field.merge_tag] ?? []).has(key)),
    );
    if (COUNTRY_KEYS.has(key) && countryFields.length === 1) take(column, countryFields[0]);
    if (STATUS_KEYS.has(key) && !statusTaken && targets[column]!.kind === 'skip') {
      statusTaken = true;
      targets[column] = { kind: 'status' };
    }
  });

  // Then by values, for the columns and fields still free.
  headers.forEach((_, column) => {
    if (targets[column]!.kind !== 'skip') return;
    const sample = columnValues(rows, column, SAMPLE);
    const email = fields.find((field) => field.merge_tag === EMAIL_MERGE_TAG);
    if (mostly(sample, (value) => isPlausibleEmail(value.replace(/^mailto:/i, '')))) take(column, email);
    const freeCountries = countryFields.filter((field) => !taken.has(field.merge_tag));
    if (freeCountries.length === 1 && mostly(sample, (value) => countryCodeFromText(value) !== null))
      take(column, freeCountries[0]);
  });
  return targets;
}

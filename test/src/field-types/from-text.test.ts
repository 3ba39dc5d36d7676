import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../../src/contract/field-types.ts';
import { emailSpec } from '../../../src/field-types/email.ts';
import { fromTextFor, fromTextOf } from '../../../src/field-types/from-text.ts';
import { fieldTypes, specFor } from '../../../src/field-types/registry.ts';
import type { ColumnReading, FieldRules, FieldTypeSpec, FormValue, FromText } from '../../../src/field-types/spec.ts';

const rules = (options: string[] = []): FieldRules => ({ label: 'Thing', required: false, options });
const colours = rules(['Red', 'Blue', 'Green', 'Café']);

type Field = { type: FieldType; merge_tag?: string };

/** A cell read as `field` would read it, held to the promise that a value passes the type's own check. */
function read(field: Field, text: string, reading: ColumnReading = {}, fieldRules = rules()) {
  const result = fromTextFor(field)(text, fieldRules, reading);
  const spec = field.merge_tag === 'email_address' ? (emailSpec as FieldTypeSpec<FormValue>) : specFor(field.type);
  if ('value' in result) expect(spec.schema(fieldRules).safeParse(result.value).success, text).toBe(true);
  return result;
}

const value = <V>(v: V): FromText<V> => ({ value: v });
const problem = (words: string): FromText<never> => ({ problem: words });

describe('a blank cell is the empty value of every type', () => {
  it.each(Object.keys(fieldTypes) as FieldType[])('%s', (type) => {
    for (const blank of ['', '   ', '\t'])
      expect(fromTextOf(type)(blank, colours, {})).toEqual({ value: fieldTypes[type].empty });
  });
});

describe('TEXT', () => {
  it.each([
    ['  Tywin  ', 'Tywin'],
    ['Lannister, Tywin', 'Lannister, Tywin'],
  ])('%j → %j', (text, expected) => {
    expect(read({ type: 'TEXT' }, text)).toEqual(value(expected));
  });
});

describe('the email field', () => {
  const NOT_AN_ADDRESS = problem('Enter an email address, such as name@example.com.');
  it.each<[string, FromText<string>]>([
    [' jane@example.com ', value('jane@example.com')],
    ['Jane.Doe@Example.com', value('Jane.Doe@Example.com')],
    ['Jane Doe <jane@example.com>', value('jane@example.com')],
    ['"Doe, Jane" <Jane@Example.com>', value('Jane@Example.com')],
    ['<jane@example.com>', value('jane@example.com')],
    ['mailto:jane@example.com', value('jane@example.com')],
    ['MAILTO:jane@example.com?subject=Hello', value('jane@example.com')],
    ['Jane Doe', NOT_AN_ADDRESS],
    ['jane@example', NOT_AN_ADDRESS],
    ['Jane <not an address>', NOT_AN_ADDRESS],
    ['mailto:', NOT_AN_ADDRESS],
  ])('%j → %j', (text, expected) => {
    expect(read({ type: 'TEXT', merge_tag: 'email_address' }, text)).toEqual(expected);
  });
});

describe('NUMBER', () => {
  const NOT_A_NUMBER = problem('Enter a number, such as 42 or -3.5.');
  it.each<[string, ColumnReading, FromText<string>]>([
    ['1.234,56', { decimal: ',' }, value('1234.56')],
    ['1.234.567,8', { decimal: ',' }, value('1234567.8')],
    ['3,5', { decimal: ',' }, value('3.5')],
    ['-3,5', { decimal: ',' }, value('-3.5')],
    ['1.234', { decimal: ',' }, value('1234')],
    ['1 234,5', { decimal: ',' }, value('1234.5')],
    ['1\u202f234,5', { decimal: ',' }, value('1234.5')],
    ['1.5', { decimal: ',' }, NOT_A_NUMBER],
    ['1,234.56', { decimal: ',' }, NOT_A_NUMBER],
    ['1,234.56', { decimal: '.' }, value('1234.56')],
    ['1,234,567', { decimal: '.' }, value('1234567')],
    ["1'234.50", { decimal: '.' }, value('1234.50')],
    ['1_000', { decimal: '.' }, value('1000')],
    ['+42', { decimal: '.' }, value('42')],
    ['−7', { decimal: '.' }, value('-7')],
    ['3,5', { decimal: '.' }, NOT_A_NUMBER],
    ['1.2.3', { decimal: '.' }, NOT_A_NUMBER],
    // Without a reading each value is guessed on its own, as the form's check does.
    ['1.234,56', {}, value('1234.56')],
    ['1,234.56', {}, value('1234.56')],
    ['3,5', {}, value('3.5')],
    ['12 000', {}, value('12000')],
    [' +42 ', {}, value('42')],
    ['-0.5', {}, value('-0.5')],
    ['.5', {}, value('.5')],
    ['ten', {}, NOT_A_NUMBER],
    ['€5', {}, NOT_A_NUMBER],
    ['1e3', {}, NOT_A_NUMBER],
    ['+-3', {}, NOT_A_NUMBER],
    ['-', {}, NOT_A_NUMBER],
  ])('%j read with %j → %j', (text, reading, expected) => {
    expect(read({ type: 'NUMBER' }, text, reading)).toEqual(expected);
  });
});

describe('BOOLEAN', () => {
  it.each(['true', 'TRUE', 'Yes', 'y', '1', 'on', 'x', 'X', 'ja', 'Oui', 'sí', 'si', 'Wahr', 'vrai'])(
    '%j → yes',
    (text) => {
      expect(read({ type: 'BOOLEAN' }, text)).toEqual(value(true));
    },
  );
  it.each(['false', 'FALSE', 'No', 'n', '0', 'off', 'nein', 'non', 'falsch', 'Faux'])('%j → no', (text) => {
    expect(read({ type: 'BOOLEAN' }, text)).toEqual(value(false));
  });
  it.each(['maybe', 'yes please', '2', '✓'])('%j is a problem', (text) => {
    expect(read({ type: 'BOOLEAN' }, text)).toEqual(problem('Write yes or no (or true/false, 1/0, x).'));
  });
});

describe('DROPDOWN_SINGLE', () => {
  it.each([
    ['Blue', 'Blue'],
    ['  blue ', 'Blue'],
    ['BLUE', 'Blue'],
    ['cafe', 'Café'],
    ['CAFÉ', 'Café'],
    // Unknown: kept as written, for the import to add or map.
    [' Violet ', 'Violet'],
  ])('%j → %j', (text, expected) => {
    expect(fromTextOf('DROPDOWN_SINGLE')(text, colours, {})).toEqual(value(expected));
  });

  it('prefers the exact spelling where options differ only by accents', () => {
    expect(fromTextOf('DROPDOWN_SINGLE')('Cafe', rules(['Café', 'Cafe']), {})).toEqual(value('Cafe'));
  });
});

describe('DROPDOWN_MULTIPLE', () => {
  it.each<[string, string[]]>([
    ['Red;Blue', ['Red', 'Blue']],
    ['red | blue', ['Red', 'Blue']],
    ['red, green', ['Red', 'Green']],
    ['Red\nGreen', ['Red', 'Green']],
    ['cafe; Red', ['Café', 'Red']],
    ['Red; red; RED', ['Red']],
    ['Red;;Blue;', ['Red', 'Blue']],
    ['Red; Violet; violet', ['Red', 'Violet']],
  ])('%j → %j', (text, expected) => {
    expect(fromTextOf('DROPDOWN_MULTIPLE')(text, colours, {})).toEqual(value(expected));
  });

  it('passes the check when every item is an option', () => {
    expect(read({ type: 'DROPDOWN_MULTIPLE' }, 'green; RED', {}, colours)).toEqual(value(['Green', 'Red']));
  });

  it('does not split on commas when an option holds one', () => {
    const sizes = rules(['Small, boxed', 'Large']);
    expect(fromTextOf('DROPDOWN_MULTIPLE')('small, boxed; large', sizes, {})).toEqual(value(['Small, boxed', 'Large']));
  });
});

describe('COUNTRY', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    [' gb ', 'GB'],
    ['Germany', 'DE'],
    ['Germany (DE)', 'DE'],
    ['united kingdom', 'GB'],
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['Niemcy', 'DE'],
    ['ドイツ', 'DE'],
    ['德国', 'DE'],
    ['Österreich', 'AT'],
    ['Oesterreich', null],
    ['España', 'ES'],
    ['Espana', 'ES'],
    ['Sverige', 'SE'],
    ['Schweiz', 'CH'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['America', 'US'],
    ['Holland', 'NL'],
    ['The Netherlands', 'NL'],
    ['Russia', 'RU'],
    ['South Korea', 'KR'],
    ['Korea', 'KR'],
    ['North Korea', 'KP'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['UAE', 'AE'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Saint Lucia', 'LC'],
    ['St Lucia', 'LC'],
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['Hong Kong', 'HK'],
    ['Kosovo', 'XK'],
    ['Atlantis', null],
    ['XX', null],
    ['DEU', null],
  ])('%j → %j', (text, code) => {
    const expected = code ?? problem('Not a country Lark Admin knows; use its name or two-letter code.');
    expect(read({ type: 'COUNTRY' }, text)).toEqual(typeof expected === 'string' ? value(expected) : expected);
  });
});

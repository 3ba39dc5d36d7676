import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, type FieldType } from '../../../src/contract/field-types.ts';
import { checkValue } from '../../../src/contract/values.ts';
import { fieldTypes, rulesOf, specFor } from '../../../src/field-types/registry.ts';
import type { FieldRules, FormValue } from '../../../src/field-types/spec.ts';

const rules = (overrides: Partial<FieldRules> = {}): FieldRules => ({
  label: 'Thing',
  required: false,
  options: [],
  ...overrides,
});
const colours = rules({ label: 'Colours', options: ['Red', 'Blue', 'Green'] });
const definition = 'Red,Blue,Green';

/** Whether a form value passes its type's schema, and the message when it does not. */
function check(type: FieldType, value: FormValue, fieldRules = rules()): string | null {
  const result = specFor(type).schema(fieldRules).safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'failed');
}

describe('the registry', () => {
  it('covers every type the contract names, each with a title and a description', () => {
    expect(Object.keys(fieldTypes).sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) {
      expect(fieldTypes[type].title).not.toBe('');
      expect(fieldTypes[type].description).toMatch(/\.$/);
    }
  });

  it('reads the options of dropdown fields only', () => {
    expect(rulesOf({ label: 'C', required: true, type: 'DROPDOWN_SINGLE', definition: 'A, B' })).toEqual({
      label: 'C',
      required: true,
      options: ['A', 'B'],
    });
    expect(rulesOf({ label: 'C', required: false, type: 'TEXT', definition: 'A,B' }).options).toEqual([]);
  });
});

describe('encode writes what the contract says, and what the sandbox accepts', () => {
  const cases: [FieldType, FormValue, unknown][] = [
    ['TEXT', '  Tywin ', 'Tywin'],
    ['NUMBER', '-3.5', -3.5],
    ['NUMBER', '42', 42],
    ['BOOLEAN', true, true],
    ['BOOLEAN', false, false],
    ['DATE', '1960-02-29', '1960-02-29'],
    ['DROPDOWN_SINGLE', 'Blue', 'Blue'],
    ['DROPDOWN_MULTIPLE', ['Green', 'Red'], ['Green', 'Red']],
    ['COUNTRY', 'GB', 'GB'],
  ];
  it.each(cases)('%s %j → %j', (type, value, wire) => {
    const encoded = specFor(type).encode(value, colours);
    expect(encoded).toEqual(wire);
    expect(checkValue({ type, definition }, encoded)).toBe(true);
  });

  it.each<[FieldType, FormValue]>([
    ['TEXT', '   '],
    ['NUMBER', ''],
    ['BOOLEAN', null],
    ['DATE', ''],
    ['DROPDOWN_SINGLE', ''],
    ['DROPDOWN_MULTIPLE', []],
    ['COUNTRY', ''],
  ])('leaves an empty optional %s out', (type, value) => {
    expect(specFor(type).encode(value, rules())).toBeUndefined();
  });

  it('sends "no" for a required yes/no nobody ticked', () => {
    expect(fieldTypes.BOOLEAN.encode(null, rules({ required: true }))).toBe(false);
  });
});

describe('decode reads stored values tolerantly', () => {
  it.each<[FieldType, unknown, FormValue]>([
    ['TEXT', 'Ty', 'Ty'],
    ['TEXT', 7, '7'],
    ['TEXT', null, ''],
    ['NUMBER', 42, '42'],
    ['NUMBER', ' 42 ', '42'],
    ['BOOLEAN', 'true', true],
    ['BOOLEAN', 'no', false],
    ['BOOLEAN', 'maybe', null],
    ['DATE', '2024-02-15T10:30:00Z', '2024-02-15'],
    ['DATE', '15/02/2024', ''],
    ['DROPDOWN_SINGLE', 'blue', 'Blue'],
    ['DROPDOWN_SINGLE', 'Violet', 'Violet'],
    ['DROPDOWN_MULTIPLE', 'red, green', ['Red', 'Green']],
    ['DROPDOWN_MULTIPLE', ['Red', 'red', 'Pink'], ['Red', 'Pink']],
    ['COUNTRY', 'gb', 'GB'],
    ['COUNTRY', 'Germany', 'DE'],
    ['COUNTRY', 'Atlantis', ''],
  ])('%s %j → %j', (type, stored, value) => {
    expect(specFor(type).decode(stored, colours)).toEqual(value);
  });
});

describe('default_value', () => {
  it.each<[FieldType, string, FormValue, string]>([
    ['TEXT', 'Hello', 'Hello', 'Hello'],
    ['NUMBER', '42', '42', '42'],
    ['NUMBER', '-0.50', '-0.50', '-0.5'],
    ['BOOLEAN', 'true', true, 'true'],
    ['BOOLEAN', 'false', false, 'false'],
    ['DATE', '2025-12-31', '2025-12-31', '2025-12-31'],
    ['DROPDOWN_SINGLE', 'Blue', 'Blue', 'Blue'],
    ['DROPDOWN_MULTIPLE', 'Red,Green', ['Red', 'Green'], 'Red,Green'],
    ['COUNTRY', 'DE', 'DE', 'DE'],
  ])('%s "%s" parses to %j and formats to "%s"', (type, text, value, formatted) => {
    const spec = specFor(type);
    expect(spec.parseDefault(text, colours)).toEqual(value);
    expect(spec.formatDefault(value)).toBe(formatted);
  });

  it.each<[FieldType, string, FormValue]>([
    ['NUMBER', 'lots', ''],
    ['BOOLEAN', 'yes please', null],
    ['DATE', '2025-02-30', ''],
    ['DROPDOWN_SINGLE', 'Violet', ''],
    ['DROPDOWN_MULTIPLE', 'Red,Violet', ['Red']],
    ['COUNTRY', 'Narnia', ''],
  ])('ignores a %s default that does not fit: "%s"', (type, text, value) => {
    expect(specFor(type).parseDefault(text, colours)).toEqual(value);
  });
});

describe('schema: the checks before sending', () => {
  it('asks for a required value of every type that can be empty', () => {
    const required = rules({ label: 'Plan', required: true, options: ['A', 'B'] });
    for (const type of ['TEXT', 'NUMBER', 'DATE', 'DROPDOWN_SINGLE', 'COUNTRY'] as const) {
      expect(check(type, '  ', required), type).toBe('Plan is required.');
    }
    expect(check('DROPDOWN_MULTIPLE', [], required)).toBe('Plan is required.');
    expect(check('BOOLEAN', null, required)).toBeNull();
  });

  it('lets optional empty values through', () => {
    for (const type of ['TEXT', 'NUMBER', 'DATE', 'DROPDOWN_SINGLE', 'COUNTRY'] as const)
      expect(check(type, '')).toBeNull();
  });

  it.each<[FieldType, FormValue, string | null]>([
    ['NUMBER', '-3.5', null],
    ['NUMBER', '.5', null],
    ['NUMBER', '4,5', 'Write numbers with a dot for decimals and no thousands separators: 4.5'],
    ['NUMBER', '1,250.50', 'Write numbers with a dot for decimals and no thousands separators: 1250.50'],
    ['NUMBER', '1.250,50', 'Write numbers with a dot for decimals and no thousands separators: 1250.50'],
    ['NUMBER', '12 000', 'Write numbers with a dot for decimals and no thousands separators: 12000'],
    ['NUMBER', '1,250', 'Write numbers with a dot for decimals and no thousands separators: 1250'],
    ['NUMBER', '1e3', 'Enter a number, such as 42 or -3.5.'],
    ['NUMBER', 'ten', 'Enter a number, such as 42 or -3.5.'],
    ['DATE', '2024-02-29', null],
    ['DATE', '2023-02-29', 'Enter a real date, written YYYY-MM-DD.'],
    ['DROPDOWN_SINGLE', 'Blue', null],
    ['DROPDOWN_SINGLE', 'blue', 'Choose one of the options in the list.'],
    ['DROPDOWN_MULTIPLE', ['Red', 'Violet'], 'Remove what is no longer an option: Violet.'],
    ['COUNTRY', 'GB', null],
    ['COUNTRY', 'UK', 'Choose a country from the list.'],
  ])('%s %j → %j', (type, value, message) => {
    expect(check(type, value, colours)).toBe(message);
  });
});

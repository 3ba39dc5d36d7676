import { describe, expect, it } from 'vitest';
import type { KnownField } from '../../../../src/field-types/contact-values.ts';
import { matchColumns } from '../../../../src/features/import/column-match.ts';
import { proposeField } from '../../../../src/features/import/new-field.ts';
import { recalledMapping, rememberMapping } from '../../../../src/features/import/remembered-mapping.ts';

const field = (merge_tag: string, label: string, type: KnownField['type'], definition = ''): KnownField => ({
  id: merge_tag.length,
  merge_tag,
  label,
  type,
  raw_type: type,
  definition,
  default_value: '',
  order: 0,
  immutable: false,
  required: false,
});

const FIELDS = [
  field('email_address', 'Email Address', 'TEXT'),
  field('first_name', 'First Name', 'TEXT'),
  field('last_name', 'Last Name', 'TEXT'),
  field('home', 'Home country', 'COUNTRY'),
];

describe('matching columns to fields', () => {
  it('matches by label, merge tag and the words other tools and languages use, ignoring case and accents', () => {
    const targets = matchColumns(['E-Mail-Adresse', 'PRÉNOM', 'last_name', 'Pays', 'Status', 'Notes'], [], FIELDS);
    expect(targets).toEqual([
      { kind: 'field', mergeTag: 'email_address' },
      { kind: 'field', mergeTag: 'first_name' },
      { kind: 'field', mergeTag: 'last_name' },
      { kind: 'field', mergeTag: 'home' },
      { kind: 'status' },
      { kind: 'skip' },
    ]);
  });

  it('matches by the values when the headers say nothing, and gives each field one column', () => {
    const rows = [
      ['ann@example.com', 'Deutschland', 'bo@example.com'],
      ['cy@example.com', 'FR', 'di@example.com'],
    ];
    expect(matchColumns(['A', 'B', 'C'], rows, FIELDS)).toEqual([
      { kind: 'field', mergeTag: 'email_address' },
      { kind: 'field', mergeTag: 'home' },
      { kind: 'skip' },
    ]);
  });

  it('gets a file’s mapping back for the same headers, while its fields are still there', () => {
    const headers = ['Mail', 'Vorname'];
    rememberMapping(headers, [{ kind: 'skip' }, { kind: 'field', mergeTag: 'last_name' }]);
    expect(recalledMapping(['mail', 'VORNAME'], new Set(['last_name']))).toEqual([
      { kind: 'skip' },
      { kind: 'field', mergeTag: 'last_name' },
    ]);
    expect(recalledMapping(headers, new Set(['first_name']))).toBeNull();
    expect(recalledMapping(['Mail', 'Other'], new Set(['last_name']))).toBeNull();
  });
});

describe('a new field for a column', () => {
  const column = (values: string[]) => values.map((value) => [value]);

  it.each([
    [['ja', 'nein', 'Ja'], 'BOOLEAN', ''],
    [['12,5', '3', '-4'], 'NUMBER', ''],
    [['31/12/2020', '01/02/2021'], 'DATE', ''],
    [['Gold', 'Silver', 'Gold', 'Gold', 'Silver', 'Gold'], 'DROPDOWN_SINGLE', 'Gold,Silver'],
    [['Golf|Chess', 'Chess', 'Opera|Golf'], 'DROPDOWN_MULTIPLE', 'Chess,Golf,Opera'],
    [['Met at the fair', 'Called back', 'Wants a demo'], 'TEXT', ''],
  ])('reads %j as %s', (values, type, definition) => {
    expect(proposeField('Tier', column(values), 0, FIELDS)).toMatchObject({
      type,
      definition,
      label: 'Tier',
      merge_tag: 'tier',
    });
  });

  it('takes a label and merge tag the workspace lacks', () => {
    expect(proposeField('first name', column(['x']), 0, FIELDS)).toMatchObject({
      label: 'first name (2)',
      merge_tag: 'first_name_b',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../../src/contract/field-types.ts';
import { detectReading } from '../../../src/field-types/reading.ts';

describe('detectReading', () => {
  it.each<[string[], ReturnType<typeof detectReading>]>([
    [['25/12/2024', '03/04/2025'], { reading: { dateOrder: 'DMY' }, ask: [] }],
    [['12/25/2024', '03/04/2025', ''], { reading: { dateOrder: 'MDY' }, ask: [] }],
    [['03/04/2025', '01/02/2025'], { reading: {}, ask: ['dateOrder'] }],
    [['25/12/2024', '12/25/2024'], { reading: {}, ask: ['dateOrder'] }],
    [['05/05/2025', '01/01/2024'], { reading: {}, ask: [] }],
    [['2025-03-04', '2024-12-25T10:00:00Z'], { reading: { dateOrder: 'YMD' }, ask: [] }],
    [['2025-03-04', '25/12/2024'], { reading: { dateOrder: 'DMY' }, ask: [] }],
    [['3 March 2025', '45000'], { reading: {}, ask: [] }],
    [['soon', '', '  '], { reading: {}, ask: [] }],
  ])('DATE %j → %j', (samples, expected) => {
    expect(detectReading('DATE', samples)).toEqual(expected);
  });

  it.each<[string[], ReturnType<typeof detectReading>]>([
    [['1.234,56'], { reading: { decimal: ',' }, ask: [] }],
    [['1,234.56'], { reading: { decimal: '.' }, ask: [] }],
    [['3,5'], { reading: { decimal: ',' }, ask: [] }],
    [['3.5'], { reading: { decimal: '.' }, ask: [] }],
    [['1,234'], { reading: {}, ask: ['decimal'] }],
    [['1.234'], { reading: {}, ask: ['decimal'] }],
    [['1,234', '3,5'], { reading: { decimal: ',' }, ask: [] }],
    [['1,234', '2.5'], { reading: { decimal: '.' }, ask: [] }],
    [['1,234,567'], { reading: { decimal: '.' }, ask: [] }],
    [['0,125'], { reading: { decimal: ',' }, ask: [] }],
    [['1 234,5', '-7'], { reading: { decimal: ',' }, ask: [] }],
    [['3,5', '2.5'], { reading: {}, ask: ['decimal'] }],
    [['1', '-2', '+30', ''], { reading: {}, ask: [] }],
    [['n/a', 'ten'], { reading: {}, ask: [] }],
  ])('NUMBER %j → %j', (samples, expected) => {
    expect(detectReading('NUMBER', samples)).toEqual(expected);
  });

  it.each<FieldType>(['TEXT', 'BOOLEAN', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'COUNTRY'])(
    'has nothing to ask of a %s column',
    (type) => {
      expect(detectReading(type, ['03/04/2025', '1,234'])).toEqual({ reading: {}, ask: [] });
    },
  );
});

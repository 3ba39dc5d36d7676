import { describe, expect, it } from 'vitest';
import { excelSerialDate } from '../../../src/field-types/date-text.ts';
import { fromTextOf } from '../../../src/field-types/from-text.ts';
import { fieldTypes } from '../../../src/field-types/registry.ts';
import type { ColumnReading, FromText } from '../../../src/field-types/spec.ts';

const rules = { label: 'Born', required: false, options: [] };

/** A cell read as a date, held to the promise that a value passes the type's own check. */
function read(text: string, reading: ColumnReading): FromText<string> {
  const result = fromTextOf('DATE')(text, rules, reading) as FromText<string>;
  if ('value' in result) expect(fieldTypes.DATE.schema(rules).safeParse(result.value).success, text).toBe(true);
  return result;
}

const value = (day: string): FromText<string> => ({ value: day });
const problem = (words: string): FromText<string> => ({ problem: words });

describe('DATE', () => {
  const ASK = problem('Say whether this column writes the day or the month first.');
  it.each<[string, ColumnReading, FromText<string>]>([
    ['2025-03-04', {}, value('2025-03-04')],
    ['2025-03-04T23:30:00-05:00', { dateOrder: 'DMY' }, value('2025-03-04')],
    ['2025-03-04 10:00', {}, value('2025-03-04')],
    ['2025-02-30', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['2025/3/4', { dateOrder: 'DMY' }, value('2025-03-04')],
    ['2025.03.04', {}, value('2025-03-04')],
    ['03/04/2025', { dateOrder: 'DMY' }, value('2025-04-03')],
    ['03/04/2025', { dateOrder: 'MDY' }, value('2025-03-04')],
    ['03/04/2025', {}, ASK],
    ['03/04/2025', { dateOrder: 'YMD' }, ASK],
    ['3.4.2025', { dateOrder: 'DMY' }, value('2025-04-03')],
    ['3. 4. 2025', { dateOrder: 'DMY' }, value('2025-04-03')],
    ['3-4-2025', { dateOrder: 'MDY' }, value('2025-03-04')],
    ['3/4/25', { dateOrder: 'DMY' }, value('2025-04-03')],
    ['3/4/69', { dateOrder: 'DMY' }, value('2069-04-03')],
    ['3/4/70', { dateOrder: 'DMY' }, value('1970-04-03')],
    ['31/12/99', { dateOrder: 'DMY' }, value('1999-12-31')],
    ['3/4/2025 14:30', { dateOrder: 'MDY' }, value('2025-03-04')],
    ['3/4/2025 2:30:15 PM', { dateOrder: 'MDY' }, value('2025-03-04')],
    // Only one order makes a real day, so no reading is needed.
    ['25/12/2024', {}, value('2024-12-25')],
    ['12/25/2024', {}, value('2024-12-25')],
    ['05/05/2025', {}, value('2025-05-05')],
    ['29.02.2024', {}, value('2024-02-29')],
    // A reading is kept to: its order's impossible day is no quiet switch to the other order.
    ['12/25/2024', { dateOrder: 'DMY' }, problem('Enter a real date, such as 31/12/2025.')],
    ['25/12/2024', { dateOrder: 'MDY' }, problem('Enter a real date, such as 12/31/2025.')],
    ['31/02/2025', { dateOrder: 'DMY' }, problem('Enter a real date, such as 31/12/2025.')],
    ['29/02/2023', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['3 March 2025', {}, value('2025-03-03')],
    ['3rd March 2025', { dateOrder: 'MDY' }, value('2025-03-03')],
    ['Mar 3, 2025', {}, value('2025-03-03')],
    ['March 3rd, 2025', {}, value('2025-03-03')],
    ['Sept 30, 2025', {}, value('2025-09-30')],
    ['Monday, 3 March 2025', {}, value('2025-03-03')],
    ['03-Mar-25', {}, value('2025-03-03')],
    ['2025-Mar-03', {}, value('2025-03-03')],
    ['31 February 2025', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['45000', {}, value('2023-03-15')],
    ['45000.75', { dateOrder: 'DMY' }, value('2023-03-15')],
    ['10000', {}, value('1927-05-18')],
    ['2025', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['7', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['soon', { dateOrder: 'MDY' }, problem('Enter a real date, such as 12/31/2025.')],
    ['03/04', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['1/2/3/4', {}, problem('Enter a real date, such as 2025-12-31.')],
    ['03/04-2025', {}, problem('Enter a real date, such as 2025-12-31.')],
  ])('%j read with %j → %j', (text, reading, expected) => {
    expect(read(text, reading)).toEqual(expected);
  });

  it.each<[number, string | null]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null], // Excel's 29 February 1900, a day that never was
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45351, '2024-02-29'],
    [2958465, '9999-12-31'],
    [0, null],
    [2958466, null],
  ])('Excel day %d is %j', (serial, day) => {
    expect(excelSerialDate(serial)).toBe(day);
  });
});

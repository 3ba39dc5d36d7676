import { textRule } from './rules.ts';
import type { ColumnReading, FieldTypeSpec } from './spec.ts';

export const NOT_A_NUMBER = 'Enter a number, such as 42 or -3.5.';
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export const isDecimal = (text: string) => DECIMAL.test(text.trim());

/**
 * A number written with thousands separators or a decimal comma ("1,250.50", "1.250,50", "3,5",
 * "12 000"), as the contract wants it ("1250.50"); null when it is no number at all. Where both
 * marks appear, the last one is the decimal point.
 */
function plainDecimal(text: string): string | null {
  const compact = text.trim().replace(/[\s'’_]/g, '');
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const both = compact.includes(',') && compact.includes('.');
  const grouped = /^[+-]?\d{1,3}(?:,\d{3})+$/.test(compact);
  let plain: string;
  if (both) plain = `${compact.slice(0, last).replace(/[.,]/g, '')}.${compact.slice(last + 1)}`;
  else if (grouped) plain = compact.replace(/,/g, '');
  else plain = compact.replace(',', '.');
  return isDecimal(plain) ? plain : null;
}

const GROUPED = { ',': /^\d{1,3}(?:,\d{3})+$/, '.': /^\d{1,3}(?:\.\d{3})+$/ };

/** Unsigned digits with `decimal` as the decimal mark; the other mark may only group thousands ("1.234.567"). */
function withDecimalMark(text: string, decimal: ',' | '.'): string | null {
  const group = decimal === ',' ? '.' : ',';
  const [whole = '', fraction, ...more] = text.split(decimal);
  if (more.length > 0 || (whole.includes(group) && !GROUPED[group].test(whole))) return null;
  const digits = whole.split(group).join('');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/**
 * A number written the column's way as the contract wants it ("1.234,56" → "1234.56"), or null.
 * Spaces, apostrophes and underscores group digits in any locale; without a reading,
 * `plainDecimal` guesses per value.
 */
export function numberFromText(text: string, decimal: ColumnReading['decimal']): string | null {
  const compact = text.trim().replace(/[\s'’_]/g, '');
  // A typographic minus is what some locales' spreadsheets write.
  const sign = /^[-−]/.test(compact) ? '-' : '';
  const unsigned = compact.replace(/^[-−+]/, '');
  const plain = decimal === undefined ? plainDecimal(unsigned) : withDecimalMark(unsigned, decimal);
  if (plain === null || /^[+-]/.test(plain) || !isDecimal(plain)) return null;
  return Number.isFinite(Number(plain)) ? sign + plain : null;
}

function numberProblem(text: string): string | null {
  if (isDecimal(text) && Number.isFinite(Number(text))) return null;
  const plain = plainDecimal(text);
  return plain === null || plain === text.trim() || !Number.isFinite(Number(plain))
    ? NOT_A_NUMBER
    : `Write numbers with a dot for decimals and no thousands separators: ${plain}`;
}

export const numberType: FieldTypeSpec<string> = {
  title: 'Number',
  description: 'A whole or decimal number, negative or positive, such as 42 or -3.5.',
  empty: '',
  schema: (rules) => textRule(rules, numberProblem),
  encode: (value) => (value.trim() === '' ? undefined : Number(value.trim())),
  decode: (stored) => {
    if (typeof stored === 'number') return String(stored);
    return typeof stored === 'string' ? stored.trim() : '';
  },
  parseDefault: (text) => (isDecimal(text) ? text.trim() : ''),
  formatDefault: (value) => (isDecimal(value) ? String(Number(value.trim())) : ''),
  display: (value) => value,
};

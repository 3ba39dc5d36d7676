/**
 * Dates as spreadsheets and CSV files write them ("03/04/2025", "3 March 2025", Excel's 45000),
 * read into "YYYY-MM-DD". Every day is built by arithmetic, never through a Date object, so no time
 * zone can move it by one.
 */
import { isFullDate } from '../contract/values.ts';
import type { ColumnReading, FromText } from './spec.ts';

export type DateOrder = NonNullable<ColumnReading['dateOrder']>;

const ORDERS: readonly DateOrder[] = ['DMY', 'MDY', 'YMD'];

/**
 * What a text could mean: the orders its shape allows, and the real day each of them gives (an
 * order missing from `days` names no real day, such as 31/02). A value any order reads alike
 * ("3 March 2025", an ISO date, a serial number) allows all three.
 */
export interface DateCandidates {
  shape: readonly DateOrder[];
  days: Partial<Record<DateOrder, string>>;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A real day as "YYYY-MM-DD", or null. */
function isoDay(year: number, month: number, day: number): string | null {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isFullDate(text) ? text : null;
}

/** Two-digit years as spreadsheets read them: 00–69 this century, 70–99 the last. */
function fullYear(token: string): number {
  const year = Number(token);
  if (token.length !== 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** The civil date `days` after 1970-01-01 (Howard Hinnant's days-to-civil, proleptic Gregorian). */
function civilFromDays(days: number): string {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Excel's last day, 9999-12-31. */
const LAST_SERIAL = 2958465;

/**
 * Excel's day number (1900 system, the default on every platform since 2011) as "YYYY-MM-DD", or
 * null. Excel counts a 29 February 1900 that never was (day 60), so from day 61 on its count runs
 * one ahead of the calendar. A time of day (the fraction) is dropped.
 */
export function excelSerialDate(serial: number): string | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > LAST_SERIAL || whole === 60) return null;
  // 25569 days lie between Excel's day 0 (1899-12-30, counting the phantom day) and 1970-01-01.
  return civilFromDays(whole - (whole > 60 ? 25569 : 25568));
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d.*)?$/i;
/** A time after the date, as Excel writes it into CSV files ("3/4/2025 14:30", "3/4/2025 2:30 PM"). */
const TIME = /[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?$/i;
/** Three numbers with one separator, spaces allowed after it ("3. 4. 2025", as Czech writes). */
const NUMERIC = /^(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})\.?$/;
/**
 * Only five-digit and longer numbers read as Excel days (1927-05-18 on): "2025" in a date column
 * is a year, and "7" is no day anyone meant.
 */
const SERIAL = /^\d{5,7}(?:\.\d+)?$/;
const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

/** The month a word names: the English name or its first three letters or more ("Mar", "Sept"). */
function monthOf(word: string): number | null {
  if (word.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(word));
  return index === -1 ? null : index + 1;
}

const alike = (day: string | null): DateCandidates => ({
  shape: ORDERS,
  days: day === null ? {} : { DMY: day, MDY: day, YMD: day },
});

function numericCandidates(first: string, middle: string, last: string): DateCandidates | null {
  if (first.length === 4 && last.length <= 2) {
    const day = isoDay(Number(first), Number(middle), Number(last));
    return { shape: ['YMD'], days: day === null ? {} : { YMD: day } };
  }
  if (first.length > 2 || (last.length !== 2 && last.length !== 4)) return null;
  const year = fullYear(last);
  const days: Partial<Record<DateOrder, string>> = {};
  const dmy = isoDay(year, Number(middle), Number(first));
  const mdy = isoDay(year, Number(first), Number(middle));
  if (dmy !== null) days.DMY = dmy;
  if (mdy !== null) days.MDY = mdy;
  return { shape: ['DMY', 'MDY'], days };
}

/** "3 March 2025", "Mar 3, 2025", "Monday, 3rd March 2025", "03-Mar-25", "2025-Mar-03". */
function namedMonthCandidates(text: string): DateCandidates | null {
  const words = text
    .toLowerCase()
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./-]+/)
    .filter((word) => word !== '');
  const first = words[0] ?? '';
  if (words.length === 4 && first.length >= 3 && WEEKDAYS.some((day) => day.startsWith(first))) words.shift();
  if (words.length !== 3) return null;
  const [a = '', b = '', c = ''] = words;
  const month = monthOf(/^\d+$/.test(a) ? b : a);
  if (month === null) return null;
  let dayToken: string, yearToken: string;
  if (/^\d{4}$/.test(a)) [yearToken, dayToken] = [a, c];
  else if (/^\d+$/.test(a)) [dayToken, yearToken] = [a, c];
  else [dayToken, yearToken] = [b, c];
  if (!/^\d{1,2}$/.test(dayToken) || !/^(?:\d{2}|\d{4})$/.test(yearToken)) return null;
  return alike(isoDay(fullYear(yearToken), month, Number(dayToken)));
}

/** What a text could mean as a date, or null when it is no date at all. */
export function dateCandidates(text: string): DateCandidates | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return { shape: ['YMD'], days: isFullDate(iso[1]) ? { YMD: iso[1] } : {} };
  if (SERIAL.test(trimmed)) return alike(excelSerialDate(Number(trimmed)));
  const dateOnly = trimmed.replace(TIME, '');
  const numeric = NUMERIC.exec(dateOnly);
  if (numeric) return numericCandidates(numeric[1]!, numeric[3]!, numeric[4]!);
  return namedMonthCandidates(dateOnly);
}

const EXAMPLES: Record<DateOrder, string> = { DMY: '31/12/2025', MDY: '12/31/2025', YMD: '2025-12-31' };
export const ASK_DATE_ORDER = 'Say whether this column writes the day or the month first.';

/**
 * A date cell read the column's way. An order the reading names is kept to strictly (its 12/31
 * is a problem, not a quiet switch of order); without one, a value is read when every order that
 * fits gives the same day.
 */
export function dateFromText(text: string, order: DateOrder | undefined): FromText<string> {
  const candidates = dateCandidates(text);
  const notADate = { problem: `Enter a real date, such as ${EXAMPLES[order ?? 'YMD']}.` };
  if (candidates === null) return notADate;
  if (order !== undefined && candidates.shape.includes(order)) {
    const day = candidates.days[order];
    return day === undefined ? notADate : { value: day };
  }
  const days = new Set(Object.values(candidates.days));
  const [only] = days;
  if (days.size === 1 && only !== undefined) return { value: only };
  return days.size === 0 ? notADate : { problem: ASK_DATE_ORDER };
}

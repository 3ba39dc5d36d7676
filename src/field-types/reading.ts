/**
 * How a column writes its dates and numbers, told from its values, so the import asks the admin
 * only what the values leave open: "03/04/2025" is March or April, "1,234" a thousand or one.
 */
import type { FieldType } from '../contract/field-types.ts';
import { dateCandidates, type DateOrder } from './date-text.ts';
import type { ColumnReading } from './spec.ts';

export type ReadingQuestion = 'dateOrder' | 'decimal';

export interface DetectedReading {
  reading: ColumnReading;
  /** What the values leave open, for the admin to choose once for the column. */
  ask: ReadingQuestion[];
}

/** A column's reading from its values; blank and unreadable values say nothing. */
export function detectReading(type: FieldType, samples: readonly string[]): DetectedReading {
  const written = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  if (type === 'DATE') return detectDateOrder(written);
  if (type === 'NUMBER') return detectDecimal(written);
  return { reading: {}, ask: [] };
}

/**
 * The day-or-month-first orders every numeric date fits, after its calendar (no month 13, no
 * 31/02). ISO dates alone say YMD; month names and serial numbers fit any order, so they say nothing.
 */
function detectDateOrder(samples: readonly string[]): DetectedReading {
  let fitting = new Set<DateOrder>(['DMY', 'MDY']);
  let dayOrMonth = false;
  let ambiguous = false;
  let iso = false;
  for (const sample of samples) {
    const candidates = dateCandidates(sample);
    if (candidates === null || candidates.shape.length === 3) continue;
    if (candidates.shape.includes('YMD')) {
      iso ||= candidates.days.YMD !== undefined;
      continue;
    }
    const { DMY, MDY } = candidates.days;
    if (DMY === undefined && MDY === undefined) continue;
    dayOrMonth = true;
    fitting = new Set([...fitting].filter((order) => candidates.days[order] !== undefined));
    // 03/03/2025 is the same day either way, so it leaves nothing open.
    ambiguous ||= DMY !== undefined && MDY !== undefined && DMY !== MDY;
  }
  if (!dayOrMonth) return { reading: iso ? { dateOrder: 'YMD' } : {}, ask: [] };
  const [only] = fitting;
  if (fitting.size === 1 && only !== undefined) return { reading: { dateOrder: only }, ask: [] };
  // No order fits them all (31/12 and 12/31 in one column), or every value fits both.
  return { reading: {}, ask: fitting.size === 0 || ambiguous ? ['dateOrder'] : [] };
}

/**
 * What a number says about the decimal mark: the last of two different marks is it; a mark that
 * appears twice is not ("1,234,567"); a single mark before three digits could be either ("1,234"),
 * unless a thousands group could not start there ("0,125"). null: no mark, or not a number.
 */
export function decimalVote(text: string): ',' | '.' | 'either' | null {
  const compact = text
    .trim()
    .replace(/[\s'’_]/g, '')
    .replace(/^[-−+]/, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(compact)) return null;
  const commas = compact.split(',').length - 1;
  const dots = compact.split('.').length - 1;
  if (commas > 0 && dots > 0) return compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.';
  if (commas + dots === 0) return null;
  const mark = commas > 0 ? ',' : '.';
  if (commas + dots > 1) return mark === ',' ? '.' : ',';
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(compact) ? 'either' : mark;
}

function detectDecimal(samples: readonly string[]): DetectedReading {
  const marks = new Set<',' | '.'>();
  let either = false;
  for (const sample of samples) {
    const vote = decimalVote(sample);
    if (vote === 'either') either = true;
    else if (vote !== null) marks.add(vote);
  }
  const [only] = marks;
  if (marks.size === 1 && only !== undefined) return { reading: { decimal: only }, ask: [] };
  return { reading: {}, ask: marks.size > 1 || either ? ['decimal'] : [] };
}

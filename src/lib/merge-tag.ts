/** A merge tag suggested from a label: "Café Owner?" → "cafe_owner". */
import { MERGE_TAG_MAX_LENGTH, MERGE_TAG_MIN_LENGTH } from '../contract/field-types.ts';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
};

const FALLBACK = 'field';

function slug(label: string): string {
  const ascii = label
    .toLocaleLowerCase('en-US')
    .replace(/[ßæœøđłþðı]/g, (letter) => SPELLED_OUT[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '');
  return ascii
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MERGE_TAG_MAX_LENGTH)
    .replace(/_+$/, '');
}

/** _b, _c ... _z, _ba ...: merge tags allow no digits, so suffixes are letters. */
function suffix(n: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 26)) text = String.fromCharCode(97 + (rest % 26)) + text;
  return `_${text}`;
}

export function suggestMergeTag(label: string, taken: ReadonlySet<string>): string {
  let base = slug(label);
  if (base.length < MERGE_TAG_MIN_LENGTH) base = FALLBACK;
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const end = suffix(n);
    const candidate = base.slice(0, MERGE_TAG_MAX_LENGTH - end.length).replace(/_+$/, '') + end;
    if (!taken.has(candidate)) return candidate;
  }
}

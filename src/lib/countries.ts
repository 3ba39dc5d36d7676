import { foldForSearch } from './text.ts';

/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes, plus XK (Kosovo), which the standard
 * leaves user-assigned but which mail senders meet every day. Names come from Intl.DisplayNames
 * in the reader's language, so no name list is shipped.
 */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
  'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ ' +
  'LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA ' +
  'RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ ' +
  'VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW';

export const COUNTRY_CODES: readonly string[] = CODES.split(' ');

const CODE_SET = new Set(COUNTRY_CODES);

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_SET.has(value);
}

export interface Country {
  code: string;
  name: string;
  /** The name folded for matching. */
  key: string;
}

const listsByLocale = new Map<string, Country[]>();

function browserLocale(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

/** Every country, named in the reader's language and sorted by that name. Built once per locale. */
export function countryList(locale = browserLocale()): Country[] {
  let list = listsByLocale.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    // One collator for the whole sort: localeCompare with a locale builds one per comparison.
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((code) => {
      const name = names.of(code) ?? code;
      return { code, name, key: foldForSearch(name) };
    }).sort((a, b) => collator.compare(a.name, b.name));
    listsByLocale.set(locale, list);
  }
  return list;
}

export function countryName(code: string, locale?: string): string {
  return countryList(locale).find((country) => country.code === code)?.name ?? code;
}

/**
 * Countries matching what was typed: an exact code first ("DE"), then names that start with
 * it, then names that contain it. Empty input: all of them.
 */
export function findCountries(list: readonly Country[], query: string): Country[] {
  const folded = foldForSearch(query.trim());
  if (folded === '') return [...list];
  const code = query.trim().toUpperCase();
  const byCode = list.filter((country) => country.code === code);
  const starts = list.filter((country) => country.code !== code && country.key.startsWith(folded));
  const contains = list.filter(
    (country) => country.code !== code && !country.key.startsWith(folded) && country.key.includes(folded),
  );
  return [...byCode, ...starts, ...contains];
}

/** A stored country, read tolerantly: a code in any case, or a name in English or the reader's language. */
export function readCountry(value: unknown, locale?: string): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (text === '') return '';
  if (isCountryCode(text.toUpperCase())) return text.toUpperCase();
  const folded = foldForSearch(text);
  const match = [...countryList(locale), ...countryList('en')].find((country) => country.key === folded);
  return match?.code ?? '';
}

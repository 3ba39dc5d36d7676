import { foldForSearch } from './text.ts';

import { COUNTRY_CODES, isCountryCode } from '../contract/countries.ts';

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

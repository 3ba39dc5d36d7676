/**
 * Countries as files name them: a code, an English name, a name in the languages our workspaces
 * write ("Deutschland", "Allemagne", "ドイツ"), or a name people use that no standard does ("UK",
 * "Holland"). The names come from Intl.DisplayNames, so no name list is shipped; the index is
 * built once, on first use.
 */
import { COUNTRY_CODES, isCountryCode } from '../contract/countries.ts';

/** English first: where two languages give one spelling to two countries, the first language wins. */
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'tr', 'ja', 'zh'];

/**
 * A name reduced to what tells countries apart, so "U.S.A.", "the Netherlands", "St Lucia",
 * "Bosnia & Herzegovina" and "Côte d’Ivoire" match however they are spelled. toLowerCase, not
 * toLocaleLowerCase: a Turkish reader's locale would lower "I" to "ı".
 */
export function foldCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*the\s+/, '')
    .replace(/\bst\b\.?/g, 'saint')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Names Intl does not give, or gives another way ("Turkey" is "Türkiye" there). */
const ALIASES: Record<string, readonly string[]> = {
  GB: [
    'UK',
    'U.K.',
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland',
  ],
  US: ['USA', 'U.S.A.', 'U.S.', 'United States of America', 'America'],
  NL: ['Holland'],
  RU: ['Russia', 'Russian Federation'],
  KR: ['Korea', 'South Korea', 'Republic of Korea', 'Korea, Republic of'],
  KP: ['DPRK', "Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"],
  CZ: ['Czechia', 'Czech Republic'],
  CI: ['Ivory Coast'],
  AE: ['UAE', 'U.A.E.'],
  TR: ['Turkey'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Congo, Democratic Republic of the'],
  CG: ['Republic of the Congo', 'Congo Republic'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  CV: ['Cabo Verde'],
  VA: ['Vatican', 'Holy See'],
  PS: ['State of Palestine'],
  TL: ['East Timor'],
  VN: ['Viet Nam'],
  LA: ["Lao People's Democratic Republic"],
  IR: ['Islamic Republic of Iran', 'Iran, Islamic Republic of'],
  SY: ['Syrian Arab Republic'],
  TZ: ['United Republic of Tanzania', 'Tanzania, United Republic of'],
  MD: ['Republic of Moldova', 'Moldova, Republic of'],
  VC: ['Saint Vincent and the Grenadines'],
};

let index: Map<string, string> | null = null;

function add(map: Map<string, string>, name: string, code: string): void {
  const key = foldCountryName(name);
  if (key !== '' && !map.has(key)) map.set(key, code);
}

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) add(map, name, code);
  // Short names ("UK", "Palestine") and a name's parts ("Myanmar (Burma)") count only where no
  // full name has the spelling and only one country does: 刚果（金） and 刚果（布） are both 刚果.
  const lesser = new Map<string, Set<string>>();
  const addLesser = (name: string, code: string) => {
    const key = foldCountryName(name);
    if ([...key].length >= 2) lesser.set(key, (lesser.get(key) ?? new Set()).add(code));
  };
  for (const locale of LOCALES) {
    const long = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const short = new Intl.DisplayNames([locale], { type: 'region', style: 'short', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = long.of(code);
      if (name === undefined) continue;
      add(map, name, code);
      addLesser(short.of(code) ?? name, code);
      for (const part of name.split(/[()（）]/)) addLesser(part, code);
    }
  }
  for (const [key, codes] of lesser) {
    const [code] = codes;
    if (codes.size === 1 && code !== undefined && !map.has(key)) map.set(key, code);
  }
  return map;
}

/**
 * Builds the names index ahead of need (it takes some 30 ms of Intl calls), so the first country
 * a page reads does not pay for it in the middle of a render.
 */
export function prepareCountryNames() {
  index ??= buildIndex();
}

/**
 * The ISO alpha-2 code of a country as a file writes it, or null: a code in any case, a code in
 * brackets after a name (the list's own "Germany (DE)"), an English or other-language name, or a
 * common alias.
 */
export function countryCodeFromText(text: string): string | null {
  const trimmed = text.trim();
  const code = (/^(?:.*\(\s*)?([A-Za-z]{2})\s*\)?$/.exec(trimmed)?.[1] ?? '').toUpperCase();
  if (isCountryCode(code)) return code;
  index ??= buildIndex();
  return index.get(foldCountryName(trimmed)) ?? null;
}

import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../src/contract/countries.ts';
import { countryList, findCountries, readCountry } from '../../../src/lib/countries.ts';

describe('countries', () => {
  it('has 250 distinct codes, each with a real name', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    for (const country of countryList('en')) expect(country.name, country.code).not.toBe(country.code);
  });

  it("names countries in the reader's language, sorted by that name", () => {
    const german = countryList('de');
    expect(german.find((country) => country.code === 'DE')?.name).toBe('Deutschland');
    const names = german.map((country) => country.name);
    expect(names).toEqual(names.toSorted((a, b) => a.localeCompare(b, 'de')));
  });

  it('finds by the start of a name, ignoring case and accents, and by code first', () => {
    const list = countryList('en');
    expect(findCountries(list, 'germ')[0]?.code).toBe('DE');
    expect(findCountries(list, 'DE')[0]?.code).toBe('DE');
    expect(findCountries(list, 'de').map((country) => country.code)).toContain('BD');
    expect(findCountries(list, 'cote')[0]?.code).toBe('CI');
    expect(findCountries(list, 'kingdom').map((country) => country.code)).toEqual(['GB']);
    expect(findCountries(list, 'zzz')).toEqual([]);
    expect(findCountries(list, '')).toHaveLength(250);
  });

  it('reads stored values tolerantly', () => {
    expect(readCountry('fr')).toBe('FR');
    expect(readCountry('france')).toBe('FR');
    expect(readCountry('Frankreich')).toBe('');
    expect(readCountry(42)).toBe('');
  });
});

import { isCountryCode } from '../contract/countries.ts';
import { countryName, readCountry } from '../lib/countries.ts';
import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

export const countryType: FieldTypeSpec<string> = {
  title: 'Country',
  description: 'A country, chosen by name or two-letter code and sent as its ISO code (GB, DE).',
  empty: '',
  schema: (rules) => textRule(rules, (text) => (isCountryCode(text) ? null : 'Choose a country from the list.')),
  encode: encodeText,
  decode: (stored) => readCountry(stored),
  parseDefault: (text) => readCountry(text),
  formatDefault: (value) => value,
  display: (value) => (value === '' ? '' : `${countryName(value)} (${value})`),
};

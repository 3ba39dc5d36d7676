import { useMemo, useState } from 'react';
import { Combobox } from '../components/ui/combobox.tsx';
import { isCountryCode } from '../contract/countries.ts';
import { countryList, countryName, findCountries, readCountry, type Country } from '../lib/countries.ts';
import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec, WidgetProps } from './spec.ts';

const countryKey = (country: Country) => country.code;
const countryLabel = (country: Country) => country.name;

const NO_COUNTRIES: Country[] = [];

function CountryPicker({ value, onChange, rules: _, ...props }: WidgetProps<string>) {
  // Naming 250 countries takes a first render ~20 ms, so an empty picker waits until it is used.
  const [used, setUsed] = useState(false);
  const countries = used || value !== '' ? countryList() : NO_COUNTRIES;
  const selected = useMemo(() => countries.find((country) => country.code === value) ?? null, [countries, value]);
  return (
    <div onFocusCapture={() => setUsed(true)} onPointerDownCapture={() => setUsed(true)}>
      <Combobox<Country>
        {...props}
        items={countries}
        selected={selected}
        onSelect={(country) => onChange(country?.code ?? '')}
        itemKey={countryKey}
        itemLabel={countryLabel}
        filter={findCountries}
        placeholder="Type a country or its code"
        noMatch="No country matches what you typed."
      />
    </div>
  );
}

export const countryType: FieldTypeSpec<string> = {
  title: 'Country',
  description: 'A country, chosen by name or two-letter code and sent as its ISO code (GB, DE).',
  empty: '',
  Widget: CountryPicker,
  schema: (rules) => textRule(rules, (text) => (isCountryCode(text) ? null : 'Choose a country from the list.')),
  encode: encodeText,
  decode: (stored) => readCountry(stored),
  parseDefault: (text) => readCountry(text),
  formatDefault: (value) => value,
  display: (value) => (value === '' ? '' : `${countryName(value)} (${value})`),
};

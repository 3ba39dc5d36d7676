import { useMemo, useState } from 'react';
import { Combobox } from '../../components/ui/combobox.tsx';
import { countryList, findCountries, type Country } from '../../lib/countries.ts';
import { pastedValue } from './pasted.ts';
import type { InputSpec, WidgetProps } from './spec.ts';

const countryKey = (country: Country) => country.code;
const countryLabel = (country: Country) => country.name;

const NO_COUNTRIES: Country[] = [];

function CountryPicker({ value, onChange, rules: _, ...props }: WidgetProps<string>) {
  // Naming 250 countries takes a first render ~20 ms, so an empty picker waits until it is used.
  const [used, setUsed] = useState(false);
  const countries = used || value !== '' ? countryList() : NO_COUNTRIES;
  const selected = useMemo(() => countries.find((country) => country.code === value) ?? null, [countries, value]);
  return (
    <div
      onFocusCapture={() => setUsed(true)}
      onPointerDownCapture={() => setUsed(true)}
      onPasteCapture={(event) => {
        // "Deutschland", "UK" or "fr" pasted from a spreadsheet chooses the country outright.
        const code = pastedValue('COUNTRY', event.clipboardData.getData('text/plain'));
        if (code === null) return;
        event.preventDefault();
        onChange(code);
      }}
    >
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

export const countryInputs: InputSpec<string> = { Widget: CountryPicker };

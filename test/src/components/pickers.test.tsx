import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../../src/field-types/registry.ts';
import { FieldInput } from '../../../src/field-types/inputs/field-input.tsx';
import type { FormValue } from '../../../src/field-types/spec.ts';
import type { FieldType } from '../../../src/contract/field-types.ts';

function Harness({ type, initial, options = [] }: { type: FieldType; initial: FormValue; options?: string[] }) {
  const [value, setValue] = useState<FormValue>(initial);
  return (
    <>
      <FieldInput
        id="picker"
        name="picker"
        type={type}
        rules={{ label: 'Pick', required: false, options }}
        value={value}
        onChange={setValue}
      />
      <output aria-label="Value">{JSON.stringify(value)}</output>
    </>
  );
}

const value = () => JSON.parse(screen.getByRole('status', { name: 'Value' }).textContent!);

describe('the country picker', () => {
  it('puts no country options in the page until it is opened', () => {
    render(<Harness type="COUNTRY" initial="" />);
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('offers Germany for "germ" and for its code "DE", taken with Enter', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="" />);
    const box = screen.getByRole('combobox', { name: 'Pick' });
    await user.type(box, 'germ');
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Germany']);
    await user.keyboard('{Enter}');
    expect(value()).toBe('DE');
    await user.clear(box);
    expect(value()).toBe('');
    await user.type(box, 'DE');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('Germany');
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('Germany');
    expect(value()).toBe('DE');
  });

  it('takes a filled box whole on click or focus, so typing replaces the country', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="GB" />);
    const box = screen.getByRole('combobox', { name: 'Pick' }) as HTMLInputElement;
    await user.click(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'United Kingdom'.length]);
    await user.keyboard('franc{Enter}');
    expect(box).toHaveValue('France');
    expect(value()).toBe('FR');
    await user.tab();
    await user.tab({ shift: true });
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'France'.length]);
  });

  it('moves with the arrows and closes with Escape, taking the list out of the page', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="" />);
    const box = screen.getByRole('combobox', { name: 'Pick' });
    await user.type(box, 'united');
    await user.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toContain('United Kingdom');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(value()).toBe('');
  });

  it('keeps the last real choice when left with half a word that matches nothing', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="FR" />);
    const box = screen.getByRole('combobox', { name: 'Pick' });
    expect(box).toHaveValue('France');
    await user.click(box);
    await user.keyboard('{Control>}a{/Control}zzz');
    expect(screen.getByText('No country matches what you typed.')).toBeInTheDocument();
    await user.tab();
    expect(box).toHaveValue('France');
    expect(value()).toBe('FR');
  });

  it('offers all 250 countries when opened with its button alone', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="" />);
    await user.click(screen.getByRole('button', { name: 'Open the list' }));
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(250);
  });

  it('shows a country set from outside before it was ever used (a draft restored, a reset)', async () => {
    function SetFromOutside() {
      const [value, setValue] = useState<FormValue>('');
      return (
        <>
          <FieldInput
            id="picker"
            name="picker"
            type="COUNTRY"
            rules={{ label: 'Pick', required: false, options: [] }}
            value={value}
            onChange={setValue}
          />
          <button type="button" onClick={() => setValue('FR')}>
            Restore
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    render(<SetFromOutside />);
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('combobox', { name: 'Pick' })).toHaveValue('France');
  });

  it('clears the choice when the box is emptied', async () => {
    const user = userEvent.setup();
    render(<Harness type="COUNTRY" initial="FR" />);
    await user.clear(screen.getByRole('combobox', { name: 'Pick' }));
    expect(value()).toBe('');
  });
});

describe('the multiple-choice picker', () => {
  const options = ['Golf', 'Chess', 'Opera'];

  it('adds options by typing and Enter, offering only those not chosen', async () => {
    const user = userEvent.setup();
    render(<Harness type="DROPDOWN_MULTIPLE" initial={[]} options={options} />);
    const box = screen.getByRole('combobox', { name: 'Pick' });
    await user.type(box, 'ch{Enter}');
    await user.keyboard('{Enter}');
    expect(value()).toEqual(['Chess', 'Golf']);
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Opera']);
  });

  it('removes a chosen option by keyboard: Left arrow to it, then Backspace', async () => {
    const user = userEvent.setup();
    render(<Harness type="DROPDOWN_MULTIPLE" initial={['Golf', 'Opera']} options={options} />);
    await user.click(screen.getByRole('combobox', { name: 'Pick' }));
    await user.keyboard('{Escape}{ArrowLeft}');
    expect(screen.getByText('Opera').closest('[tabindex]')).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(value()).toEqual(['Golf']);
  });

  it('opens and closes its list with the same button as the country picker', async () => {
    const user = userEvent.setup();
    render(<Harness type="DROPDOWN_MULTIPLE" initial={['Golf']} options={options} />);
    await user.click(screen.getByRole('button', { name: 'Open the list' }));
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Chess', 'Opera']);
    await user.click(screen.getByRole('button', { name: 'Close the list' }));
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('removes a chosen option with its button', async () => {
    const user = userEvent.setup();
    render(<Harness type="DROPDOWN_MULTIPLE" initial={['Golf', 'Opera']} options={options} />);
    await user.click(screen.getByRole('button', { name: 'Remove Golf' }));
    expect(value()).toEqual(['Opera']);
  });
});

describe('every widget is named by its label', () => {
  it.each(Object.keys(fieldTypes) as FieldType[])('%s', (type) => {
    render(<Harness type={type} initial={fieldTypes[type].empty} options={['A', 'B']} />);
    const input = screen.getByLabelText('Pick', { selector: 'input, select' });
    expect(input).toHaveAttribute('id', 'picker');
  });
});

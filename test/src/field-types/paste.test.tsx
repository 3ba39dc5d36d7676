import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../../src/contract/field-types.ts';
import { FieldInput, NativeFieldInput } from '../../../src/field-types/inputs/field-input.tsx';
import type { FormValue } from '../../../src/field-types/spec.ts';

const RULES = { label: 'Pick', required: false, options: [] };

function Controlled({ type }: { type: FieldType }) {
  const [value, setValue] = useState<FormValue>('');
  return (
    <>
      <FieldInput id="picker" name="picker" type={type} rules={RULES} value={value} onChange={setValue} />
      <output aria-label="Value">{JSON.stringify(value)}</output>
    </>
  );
}

function Uncontrolled() {
  const { register, watch } = useForm<{ amount: string }>({ defaultValues: { amount: '' } });
  return (
    <>
      <NativeFieldInput
        id="amount"
        type="NUMBER"
        mergeTag="amount"
        rules={RULES}
        registration={register('amount')}
        initial=""
      />
      <output aria-label="Value">{JSON.stringify(watch('amount'))}</output>
    </>
  );
}

const value = () => JSON.parse(screen.getByRole('status', { name: 'Value' }).textContent!);

describe('pasting from a spreadsheet into a form', () => {
  it('reads a number written with a decimal comma and thousands dots, in the form’s own input', async () => {
    const user = userEvent.setup();
    render(<Uncontrolled />);
    await user.click(screen.getByRole('textbox', { name: 'Pick' }));
    await user.paste('1.234,56');
    expect(screen.getByRole('textbox', { name: 'Pick' })).toHaveValue('1234.56');
    expect(value()).toBe('1234.56');
  });

  it('keeps text pasted into the middle of a typed number as it is', async () => {
    const user = userEvent.setup();
    render(<Controlled type="NUMBER" />);
    const box = screen.getByRole('textbox', { name: 'Pick' });
    await user.type(box, '12');
    await user.paste('3,5');
    expect(box).toHaveValue('123,5');
  });

  it('chooses a country pasted by its name in another language', async () => {
    const user = userEvent.setup();
    render(<Controlled type="COUNTRY" />);
    await user.click(screen.getByRole('combobox', { name: 'Pick' }));
    await user.paste('Deutschland');
    expect(value()).toBe('DE');
    expect(screen.getByRole('combobox', { name: 'Pick' })).toHaveValue('Germany');
  });
});

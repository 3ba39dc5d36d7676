import { act, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { saveDraft } from '../../../../src/lib/forms/drafts.ts';
import { placeServerErrors, useFormKit } from '../../../../src/lib/forms/use-form-kit.ts';

interface Values {
  name: string;
  city: string;
}

const schema = z.object({ name: z.string().check(z.minLength(1, 'Enter a name.')), city: z.string() });
const accept = (stored: unknown) => {
  const values = stored as Partial<Values> | null;
  return typeof values?.name === 'string' && typeof values.city === 'string'
    ? { name: values.name, city: values.city }
    : null;
};
const KEY = 'kit-test';

function KitForm({ base, send }: { base: Values; send: (values: Values) => Promise<void> }) {
  const kit = useFormKit<Values>({ schema, base, draftKey: KEY, accept });
  const { register, handleSubmit, formState, setError } = kit.form;
  const submit = handleSubmit((values) => kit.save(() => send(values)));
  return (
    <form onSubmit={submit} noValidate>
      {kit.restored && <p role="note">Restored: {kit.restored.changed.join(', ')}</p>}
      <label>
        Name <input {...register('name')} aria-describedby="name-error" />
      </label>
      <span id="name-error">{formState.errors.name?.message}</span>
      <label>
        City <input {...register('city')} aria-describedby="city-error" />
      </label>
      <span id="city-error">{formState.errors.city?.message}</span>
      <button type="submit" disabled={kit.saving}>
        {kit.saving ? 'Saving…' : 'Save'}
      </button>
      <button
        type="button"
        onClick={() =>
          placeServerErrors(setError, [
            { name: 'city', message: 'No such city.' },
            { name: 'name', message: 'Taken.' },
          ])
        }
      >
        Answer
      </button>
      <output aria-label="Changed">{String(kit.changed())}</output>
    </form>
  );
}

const name = () => screen.getByRole('textbox', { name: 'Name' });
const city = () => screen.getByRole('textbox', { name: 'City' });

describe('the form kit', () => {
  it('checks on Save, then on every change, never on leaving an input', async () => {
    const user = userEvent.setup();
    render(<KitForm base={{ name: '', city: '' }} send={async () => {}} />);
    await user.click(name());
    await user.tab();
    expect(name()).toHaveAccessibleDescription('');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(name()).toHaveAccessibleDescription('Enter a name.'));
    expect(name()).toHaveFocus();
    await user.type(name(), 'A');
    await waitFor(() => expect(name()).toHaveAccessibleDescription(''));
  });

  it('sends once while a save runs, and says it is saving', async () => {
    const user = userEvent.setup();
    let release = () => {};
    let sent = 0;
    const send = () => {
      sent += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    render(<KitForm base={{ name: 'Ann', city: '' }} send={send} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();
    await act(async () => screen.getByRole('button', { name: 'Saving…' }).closest('form')!.requestSubmit());
    await act(async () => release());
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled();
    expect(sent).toBe(1);
  });

  it('lays a kept draft’s changes over the values as they are now, and keeps it as base + changes', async () => {
    // Kept when the city was Paris and the name was changed; the city has changed elsewhere since.
    saveDraft(KEY, { base: { name: 'Ann', city: 'Paris' }, changes: { name: 'Anne' } });
    const user = userEvent.setup();
    render(<KitForm base={{ name: 'Ann', city: 'Lyon' }} send={async () => {}} />);
    expect(screen.getByRole('note')).toHaveTextContent('Restored: name');
    expect(name()).toHaveValue('Anne');
    expect(city()).toHaveValue('Lyon');
    expect(screen.getByRole('status', { name: 'Changed' })).toHaveTextContent('true');
    await user.type(city(), 's');
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem(KEY)!).form).toEqual({
        base: { name: 'Ann', city: 'Lyon' },
        changes: { name: 'Anne', city: 'Lyons' },
      }),
    );
  });

  it('puts the API’s messages at their inputs, the first taking the focus', async () => {
    const user = userEvent.setup();
    render(<KitForm base={{ name: 'Ann', city: 'Atlantis' }} send={async () => {}} />);
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    expect(city()).toHaveAccessibleDescription('No such city.');
    expect(name()).toHaveAccessibleDescription('Taken.');
    expect(city()).toHaveFocus();
  });
});

describe('the form kit’s edges', () => {
  it('keeps the last keystrokes when the page is hidden within the pause', async () => {
    const user = userEvent.setup();
    render(<KitForm base={{ name: 'Ann', city: '' }} send={async () => {}} />);
    await user.type(city(), 'Oslo');
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem(KEY)!).form).toEqual({
      base: { name: 'Ann', city: '' },
      changes: { city: 'Oslo' },
    });
  });

  it('reads a draft kept before drafts held base + changes as the changes', () => {
    saveDraft(KEY, { name: 'Anne', city: 'Lyon' });
    render(<KitForm base={{ name: 'Ann', city: 'Lyon' }} send={async () => {}} />);
    expect(screen.getByRole('note')).toHaveTextContent('Restored: name');
    expect(name()).toHaveValue('Anne');
  });
});

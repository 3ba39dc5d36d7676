import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../server/sandbox/store.ts';
import { renderApp } from '../render-app.tsx';

const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('unsent entries survive a reload', () => {
  it('in the field form, options and default included, until discarded', async () => {
    const store = openStore(':memory:');
    let app = renderApp('/fields/new', { store });
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Colour');
    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await app.user.type(screen.getByRole('textbox', { name: 'New option' }), 'Red{Enter}Blue{Enter}');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Default value' }), 'Blue');
    await pause();
    cleanup();

    app = renderApp('/fields/new', { store });
    expect(await screen.findByText('Your unsent entries were restored.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Colour');
    expect(screen.getByRole('textbox', { name: 'Merge tag' })).toHaveValue('colour');
    expect(screen.getByRole('radio', { name: 'Single choice' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Option 2' })).toHaveValue('Blue');
    expect(screen.getByRole('combobox', { name: 'Default value' })).toHaveValue('Blue');
    await app.user.click(screen.getByRole('button', { name: 'Discard them' }));
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('');
    cleanup();

    renderApp('/fields/new', { store });
    await screen.findByRole('textbox', { name: 'Label' });
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
  });

  it('in the new tag form, and the draft is gone once the tag is created', async () => {
    const store = openStore(':memory:');
    let app = renderApp('/tags', { store });
    const form = async () => within(await screen.findByRole('form', { name: 'New tag' }));
    await app.user.type((await form()).getByRole('textbox', { name: 'Name' }), 'Prospects');
    cleanup();

    app = renderApp('/tags', { store });
    expect((await form()).getByRole('textbox', { name: 'Name' })).toHaveValue('Prospects');
    await app.user.click((await form()).getByRole('button', { name: 'Create tag' }));
    await screen.findByRole('rowheader', { name: 'Prospects' });
    cleanup();

    renderApp('/tags', { store });
    expect((await form()).getByRole('textbox', { name: 'Name' })).toHaveValue('');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app.tsx';
import { EDITOR, VIEWER, planWorkspace } from '../../roles-fixtures.ts';

const PASTED = ['Email\tPlan\tShoe size', 'ann@example.com\tGold\t42', 'bo@example.com\tPro\t38'].join('\n');

describe('importing by role', () => {
  it('a viewer gets the reason instead of a file to pick or rows to paste', async () => {
    const app = renderApp('/contacts/import', { store: await planWorkspace('Basic,Pro'), person: VIEWER });
    expect(await screen.findByText('Your role (Viewer) cannot change contacts.')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Paste rows' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: 'Back to contacts' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Contacts' })).toBeInTheDocument();
  });

  it('an editor maps columns to existing fields and options only, and reads why', async () => {
    const app = renderApp('/contacts/import', { store: await planWorkspace('Basic,Pro'), person: EDITOR });
    await app.user.click(await screen.findByRole('textbox', { name: 'Paste rows' }));
    await app.user.paste(PASTED);
    await app.user.click(screen.getByRole('button', { name: 'Read the pasted rows' }));
    await screen.findByRole('heading', { name: 'Map the columns' });
    const reason =
      'Your role (Editor) cannot change fields or tags. A column goes to an existing field, and a value to an existing option.';
    const shoeSize = screen.getByRole('combobox', { name: 'Map column “Shoe size”' });
    expect(shoeSize).toHaveAccessibleDescription(reason);
    expect(within(shoeSize).queryByRole('option', { name: /New field/ })).not.toBeInTheDocument();
    expect(within(shoeSize).getByRole('option', { name: 'Plan' })).toBeInTheDocument();
    const gold = await screen.findByRole('combobox', { name: 'What to do with “Gold”' });
    expect(gold).toHaveAccessibleDescription(reason);
    expect(within(gold).queryByRole('option', { name: 'Add as a new option' })).not.toBeInTheDocument();
    expect(within(gold).getByRole('option', { name: 'Use option “Pro”' })).toBeInTheDocument();
  });
});

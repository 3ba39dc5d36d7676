import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../server/access/sessions.ts';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { sandbox } from '../../../server/sandbox-client.ts';
import { renderApp } from '../../render-app.tsx';

const VIEWER: Person = { id: 'v1', name: 'Vera Viewer', email: null, role: 'viewer' };
const EDITOR: Person = { id: 'e1', name: 'Eddie Editor', email: null, role: 'editor' };

async function workspace(): Promise<Store> {
  const store = openStore(':memory:');
  const answer = await sandbox({ store }).post('/v1/fields', {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Basic,Pro',
  });
  expect(answer.status).toBe(201);
  return store;
}

const PASTED = ['Email\tPlan\tShoe size', 'ann@example.com\tGold\t42', 'bo@example.com\tPro\t38'].join('\n');

describe('importing by role', () => {
  it('a viewer gets the reason instead of a file to pick or rows to paste', async () => {
    const app = renderApp('/contacts/import', { store: await workspace(), person: VIEWER });
    expect(await screen.findByText('Your role (Viewer) cannot change contacts.')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Paste rows' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: 'Back to contacts' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Contacts' })).toBeInTheDocument();
  });

  it('an editor maps columns to existing fields and options only, and reads why', async () => {
    const app = renderApp('/contacts/import', { store: await workspace(), person: EDITOR });
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

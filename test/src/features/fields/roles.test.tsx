import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app.tsx';
import { EDITOR, expectAllowed, expectRefused, planWorkspace } from '../../roles-fixtures.ts';

const CANNOT = 'Your role (Editor) cannot change fields or tags.';

describe('an editor on the Fields page', () => {
  it('reads the list, with New field, Edit and Delete disabled and saying why', async () => {
    renderApp('/fields', { store: await planWorkspace('Free,Pro'), person: EDITOR });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Plan' })).toBeInTheDocument();
    const newField = screen.getByRole('button', { name: 'New field' });
    expectRefused(newField, CANNOT);
    expect(screen.getByText(CANNOT)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'New field' })).not.toBeInTheDocument();
    for (const name of ['Edit Plan', 'Delete Plan']) {
      const button = within(table).getByRole('button', { name });
      expectRefused(button, CANNOT);
    }
  });

  it('gets the reason instead of a field form, new or existing', async () => {
    const app = renderApp('/fields/new', { store: await planWorkspace('Free,Pro'), person: EDITOR });
    expect(await screen.findByText(CANNOT)).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await app.router.navigate('/fields/4/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit field' })).toBeInTheDocument();
    expect(screen.getByText(CANNOT)).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
  });

  it('an admin has them all', async () => {
    renderApp('/fields', { store: await planWorkspace('Free,Pro') });
    const table = await screen.findByRole('table');
    expect(await screen.findByRole('link', { name: 'New field' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Edit Plan' })).toBeInTheDocument();
    expectAllowed(within(table).getByRole('button', { name: 'Delete Plan' }));
    expect(screen.queryByText(CANNOT)).not.toBeInTheDocument();
  });
});

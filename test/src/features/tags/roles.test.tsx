import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app.tsx';
import { EDITOR, expectRefused } from '../../roles-fixtures.ts';

const CANNOT = 'Your role (Editor) cannot change fields or tags.';

describe('an editor on the Tags page', () => {
  it('sees the tags, with no form to make one and Edit and Delete disabled, saying why', async () => {
    renderApp('/tags', { person: EDITOR });
    const table = await screen.findByRole('table');
    const newTag = screen.getByRole('region', { name: 'New tag' });
    expect(within(newTag).getByText(CANNOT)).toBeVisible();
    expect(within(newTag).queryByRole('textbox')).not.toBeInTheDocument();
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.length).toBeGreaterThan(0);
    for (const name of [`Edit ${rows[0]!.textContent}`, `Delete ${rows[0]!.textContent}`]) {
      const button = within(table).getByRole('button', { name });
      expectRefused(button, CANNOT);
    }
  });
});

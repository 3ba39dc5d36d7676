import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { renderApp } from '../../render-app.tsx';

async function workspace(): Promise<Store> {
  const store = openStore(':memory:');
  const app = renderApp('/fields', { store });
  for (const [email, first, status] of [
    ['ann@example.com', 'Ann', 'SUBSCRIBED'],
    ['bo@example.com', 'Bo', 'UNCONFIRMED'],
  ])
    await app.api('POST', '/v1/contacts', { fields: { email_address: email, first_name: first }, status });
  await app.api('POST', '/v1/contacts/upsert', {
    email_address: 'ann@example.com',
    fields: { last_name: 'Lee' },
    partial_update: true,
  });
  cleanup();
  return store;
}

describe('the contacts list for real work', () => {
  it('shows first and last name by default, and each status as a named badge', async () => {
    renderApp('/contacts', { store: await workspace() });
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent?.replace(/[↑↓]/g, '').trim());
    expect(headers).toEqual(['', 'Email', 'First Name', 'Last Name', 'Status', 'Tags', 'Created', 'Changed']);
    const ann = within(table).getByRole('row', { name: /ann@example.com/ });
    expect(within(ann).getByText('Subscribed')).toBeInTheDocument();
    expect(within(ann).getByRole('cell', { name: 'Lee' })).toBeInTheDocument();
    expect(screen.getByText('2 contacts')).toBeInTheDocument();
  });

  it('sorts by a column header the contract can sort by, and says how it is sorted', async () => {
    const app = renderApp('/contacts', { store: await workspace() });
    await screen.findByRole('table');
    const sorted = () => app.sent.filter((request) => request.path === '/v1/contacts/search').at(-1)!.body;
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending');
    await app.user.click(within(screen.getByRole('columnheader', { name: /Created/ })).getByRole('button'));
    await waitFor(() => expect(sorted()).toMatchObject({ sort_by: 'created_at', sort_order: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
    await app.user.click(within(screen.getByRole('columnheader', { name: /Changed/ })).getByRole('button'));
    await waitFor(() => expect(sorted()).toMatchObject({ sort_by: 'updated_at', sort_order: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Created/ })).not.toHaveAttribute('aria-sort');
    expect(new URLSearchParams(app.router.state.location.search).get('sort')).toBe('updated_at');
  });
});

describe('saved views', () => {
  it('names the current search, lists it under Contacts, and leads back to it', async () => {
    const app = renderApp('/contacts?status=UNCONFIRMED', { store: await workspace() });
    await screen.findByRole('table');
    await app.user.click(screen.getByRole('button', { name: 'Save this view' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Name of the view' }), 'To confirm');
    await app.user.click(screen.getByRole('button', { name: 'Save view' }));
    const link = await screen.findByRole('link', { name: 'To confirm' });
    await app.user.click(screen.getByRole('link', { name: 'Contacts' }));
    await waitFor(() => expect(app.router.state.location.search).toBe(''));
    await app.user.click(await screen.findByRole('link', { name: 'To confirm' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?status=UNCONFIRMED'));
    expect(link).toHaveAttribute('href', '/contacts?status=UNCONFIRMED');
    await app.user.click(screen.getByRole('button', { name: 'Delete the view To confirm' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the view “To confirm”?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'To confirm' })).not.toBeInTheDocument());
  });
});

describe('the Name box', () => {
  it('finds a first or a last name, and says when the count is an estimate', async () => {
    const store = openStore(':memory:');
    const seed = renderApp('/fields', { store });
    for (const [email, first, last] of [
      ['kevin@example.com', 'Kevin', 'Marsh'],
      ['lee@example.com', 'Lee', 'Kevins'],
      ['ann@example.com', 'Ann', 'Lee'],
    ])
      await seed.api('POST', '/v1/contacts', {
        fields: { email_address: email, first_name: first, last_name: last },
        status: 'SUBSCRIBED',
      });
    cleanup();
    const app = renderApp('/contacts', { store });
    await screen.findByRole('table');
    await app.user.type(screen.getByRole('searchbox', { name: 'Name' }), 'kevin');
    await waitFor(() => expect(screen.getByText(/^About 2 contacts/)).toBeInTheDocument());
    const emails = () =>
      within(screen.getByRole('table'))
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent)
        .sort();
    expect(emails()).toEqual(['kevin@example.com', 'lee@example.com']);
    await app.user.clear(screen.getByRole('searchbox', { name: 'Name' }));
    await app.user.type(screen.getByRole('searchbox', { name: 'Name' }), 'ann');
    await waitFor(() => expect(screen.getByText('1 contact')).toBeInTheDocument());
    expect(new URLSearchParams(app.router.state.location.search).get('name')).toBe('ann');
  });
});

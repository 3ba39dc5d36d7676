import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

const STATUSES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'UNCONFIRMED'];
const COUNTRIES = ['GB', 'DE', 'FR'];

/** 120 contacts: c001…c120, every third of each status, plan and country, every fourth with tag 2. */
async function bigWorkspace(): Promise<Store> {
  const store = openStore(':memory:');
  const app = renderApp('/fields', { store });
  await app.api('POST', '/v1/fields', {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Free,Pro,Team',
  });
  await app.api('POST', '/v1/fields', { label: 'Country', merge_tag: 'country', type: 'COUNTRY' });
  await app.api('POST', '/v1/fields', { label: 'Score', merge_tag: 'score', type: 'NUMBER' });
  await app.api('POST', '/v1/fields', { label: 'VIP', merge_tag: 'vip', type: 'BOOLEAN' });
  for (let n = 1; n <= 120; n++) {
    const answer = await app.api('POST', '/v1/contacts', {
      fields: {
        email_address: `c${String(n).padStart(3, '0')}@example.com`,
        plan: ['Free', 'Pro', 'Team'][n % 3],
        country: COUNTRIES[n % 3],
        score: n,
        ...(n % 5 < 2 ? { vip: n % 5 === 0 } : {}),
      },
      status: STATUSES[n % 3],
      tags: n % 4 === 0 ? [1, 2] : [1],
    });
    expect(answer.status).toBe(201);
  }
  cleanup();
  return store;
}

let store: Store;
beforeEach(async () => {
  store = await bigWorkspace();
});

const emails = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const location = (app: RenderedApp) => new URLSearchParams(app.router.state.location.search);

async function openList(path = '/contacts') {
  const app = renderApp(path, { store });
  await screen.findByRole('table');
  return app;
}

describe('the contacts list', () => {
  it('shows pages of 50, newest first, with the total, and pages on', async () => {
    const app = await openList();
    expect(screen.getByText('120 contacts')).toBeInTheDocument();
    expect(emails()).toHaveLength(50);
    expect(emails()[0]).toBe('c120@example.com');
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(pages).toHaveTextContent('Page 1 of 3');
    await app.user.click(within(pages).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(emails()[0]).toBe('c070@example.com'));
    expect(location(app).get('page')).toBe('2');
    await app.user.click(
      within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('button', { name: 'Next page' }),
    );
    await waitFor(() => expect(emails()).toHaveLength(20));
    expect(
      within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('button', { name: 'Next page' }),
    ).toBeDisabled();
  });

  it('searches by part of the email address, after a pause in typing', async () => {
    const app = await openList();
    await app.user.type(screen.getByRole('searchbox', { name: 'Search by email' }), 'c11');
    await waitFor(() => expect(screen.getByText('10 contacts')).toBeInTheDocument());
    expect(emails()).toEqual(
      ['c119', 'c118', 'c117', 'c116', 'c115', 'c114', 'c113', 'c112', 'c111', 'c110'].map((c) => `${c}@example.com`),
    );
    expect(location(app).get('q')).toBe('c11');
    expect(app.requests.filter((request) => request === 'POST /v1/contacts/search').length).toBeLessThanOrEqual(3);
  });

  it('filters by status and by tags, all of them', async () => {
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    await waitFor(() => expect(screen.getByText('40 contacts')).toBeInTheDocument());
    await app.user.type(await screen.findByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    await waitFor(() => expect(screen.getByText('10 contacts')).toBeInTheDocument());
    expect(location(app).get('status')).toBe('UNSUBSCRIBED');
    expect(location(app).get('tags')).toBe('2');
  });

  it("filters by one field condition, typed with the field's own widget", async () => {
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'country');
    const condition = screen.getByRole('combobox', { name: 'Condition' });
    expect(
      within(condition)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a condition', 'is', 'is not', 'has a value']);
    await app.user.selectOptions(condition, 'EQUALS');
    await app.user.type(await screen.findByRole('combobox', { name: 'Value' }), 'germ{Enter}');
    await waitFor(() => expect(screen.getByText('40 contacts')).toBeInTheDocument());
    expect(location(app).getAll('c')).toEqual(['country|EQUALS|DE']);

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'score');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'GREATER_THAN');
    const searches = () => app.requests.filter((request) => request === 'POST /v1/contacts/search').length;
    const before = searches();
    await app.user.type(screen.getByRole('textbox', { name: 'Value' }), '115');
    await waitFor(() => expect(screen.getByText('5 contacts')).toBeInTheDocument());
    // One search after the pause in typing, not one per keystroke.
    expect(searches() - before).toBe(1);
  });

  it('filters by several field conditions at once, each added and removed as a row', async () => {
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'plan');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'EQUALS');
    await app.user.selectOptions(await screen.findByRole('combobox', { name: 'Value' }), 'Pro');
    await waitFor(() => expect(screen.getByText('40 contacts')).toBeInTheDocument());
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'And field' }), 'score');
    const conditions = screen.getAllByRole('combobox', { name: 'Condition' });
    await app.user.selectOptions(conditions[1]!, 'LESS_THAN');
    const values = await screen.findAllByRole('textbox', { name: 'Value' });
    await app.user.type(values[0]!, '31');
    // Pro is every third contact from c001; below 31 that is c001, c004 … c028: ten of them.
    await waitFor(() => expect(screen.getByText('10 contacts')).toBeInTheDocument());
    expect(location(app).getAll('c')).toEqual(['plan|EQUALS|Pro', 'score|LESS_THAN|31']);
    await app.user.click(screen.getByRole('button', { name: 'Remove condition 1 (Plan)' }));
    await waitFor(() => expect(screen.getByText('30 contacts')).toBeInTheDocument());
    expect(location(app).getAll('c')).toEqual(['score|LESS_THAN|31']);
  });

  it('asks a yes/no field Yes, No or Has a value, never with a tick box', async () => {
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'vip');
    expect(screen.queryByRole('checkbox', { name: 'Value' })).toBeNull();
    const condition = screen.getByRole('combobox', { name: 'Condition' });
    expect(
      within(condition)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a condition', 'is Yes', 'is No', 'has a value']);
    expect(screen.getByText('Condition not applied: choose a condition.')).toBeInTheDocument();
    await app.user.selectOptions(condition, 'is Yes');
    await waitFor(() => expect(screen.getByText('24 contacts')).toBeInTheDocument());
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'is No');
    await waitFor(() => expect(screen.getByText('24 contacts')).toBeInTheDocument());
    expect(location(app).getAll('c')).toEqual(['vip|EQUALS|false']);
    expect(screen.getByRole('combobox', { name: 'Condition' })).toHaveValue('is No');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'has a value');
    await waitFor(() => expect(screen.getByText('48 contacts')).toBeInTheDocument());
    expect(screen.queryByText(/Condition not applied/)).toBeNull();
  });

  it('says when a condition is not applied for want of a value, and counts only applied filters', async () => {
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'score');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'GREATER_THAN');
    expect(screen.getByText('Condition not applied: enter a value.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('40 contacts')).toBeInTheDocument());
    const toggle = screen.getByRole('button', { name: 'Filters (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await app.user.type(screen.getByRole('textbox', { name: 'Value' }), '100');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Filters (2)' })).toBeInTheDocument());
    expect(screen.queryByText(/Condition not applied/)).toBeNull();
  });

  it('sorts by created or changed, either way', async () => {
    const { body } = await renderApp('/fields', { store }).api('GET', '/v1/contacts/by-email?email=c007@example.com');
    store.db.prepare("UPDATE contacts SET updated_at = '2999-01-01T00:00:00Z' WHERE id = ?").run(body.data.id);
    cleanup();
    const app = await openList();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'created_at:asc');
    await waitFor(() => expect(emails()[0]).toBe('c001@example.com'));
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'updated_at:desc');
    await waitFor(() => expect(emails()[0]).toBe('c007@example.com'));
    expect(location(app).get('sort')).toBe('updated_at');
  });

  it('opens a view from the URL, so it survives a reload and can be shared', async () => {
    await openList('/contacts?status=UNCONFIRMED&tags=2&sort=created_at&order=asc&field=plan&op=EQUALS&value=Team');
    expect(screen.getByText('10 contacts')).toBeInTheDocument();
    expect(emails()[0]).toBe('c008@example.com');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('UNCONFIRMED');
    expect(screen.getByRole('combobox', { name: 'Value' })).toHaveValue('Team');
  });

  it('tells "no contacts match" from "no contacts yet"', async () => {
    const app = renderApp('/contacts?q=nobody', { store });
    expect(await screen.findByText(/No contacts match these filters/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await screen.findByText('120 contacts');
    cleanup();
    renderApp('/contacts');
    expect(await screen.findByText(/No contacts yet/)).toBeInTheDocument();
  });

  it('shows the field columns chosen, and remembers the choice', async () => {
    const app = await openList();
    await app.user.click(screen.getByText('Columns'));
    await app.user.click(screen.getByRole('checkbox', { name: 'Country' }));
    expect(within(screen.getByRole('table')).getByRole('columnheader', { name: 'Country' })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByText('United Kingdom (GB)').length).toBeGreaterThan(0);
    cleanup();
    await openList();
    expect(within(screen.getByRole('table')).getByRole('columnheader', { name: 'Country' })).toBeInTheDocument();
  });

  it('says what failed when the search fails, and tries again on request', async () => {
    const app = renderApp('/contacts', { store });
    app.answerNext(({ path }) =>
      path === '/v1/contacts/search' ? json(500, { error: { message: 'Internal error' } }) : undefined,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The contacts could not be loaded.');
    expect(alert).toHaveTextContent('Internal error');
    await app.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('shows a contact just added, without a manual refresh', async () => {
    const app = await openList();
    await app.router.navigate('/contacts/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'zz-new@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('region', { name: 'Contact saved' });
    await app.router.navigate('/contacts');
    await waitFor(() => expect(emails()[0]).toBe('zz-new@example.com'));
    expect(screen.getByText('121 contacts')).toBeInTheDocument();
  });
});

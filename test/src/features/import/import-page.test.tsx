import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../server/sandbox/store.ts';
import { sandbox } from '../../../server/sandbox-client.ts';
import { renderApp, type RenderedApp } from '../../render-app.tsx';

/** A workspace with a country, a birthday and a plan (Basic, Pro), and one contact already in it. */
async function workspace() {
  const store = openStore(':memory:');
  const api = sandbox({ store });
  for (const field of [
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
    { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Basic,Pro' },
  ])
    expect((await api.post('/v1/fields', field)).status).toBe(201);
  await api.post('/v1/contacts', {
    fields: { email_address: 'old@example.com', first_name: 'Olga', country: 'FR' },
    status: 'UNSUBSCRIBED',
  });
  return store;
}

const PASTED = [
  'E-mail\tGiven name\tLand\tBirthday\tPlan',
  'ann@example.com\tAnn\tDeutschland\t31/12/1990\tPro',
  'old@example.com\tOlivia\tUK\t01/02/1985\tbasic',
  'not an address\tNobody\tFR\t\tBasic',
  'Bo <bo@example.com>\tBo\tES\t15/06/2001\tGold',
].join('\n');

async function paste(app: RenderedApp, text = PASTED) {
  await app.user.click(await screen.findByRole('textbox', { name: 'Paste rows' }));
  await app.user.paste(text);
  await app.user.click(screen.getByRole('button', { name: 'Read the pasted rows' }));
  await screen.findByRole('heading', { name: 'Map the columns' });
}

const mapping = (header: string) => screen.getByRole('combobox', { name: `Map column “${header}”` });
const contact = async (app: RenderedApp, email: string) =>
  (await app.api('GET', `/v1/contacts/by-email?email=${encodeURIComponent(email)}`)).body.data;

describe('importing contacts', () => {
  it('maps the columns by their names in other words and languages', async () => {
    const app = renderApp('/contacts/import', { store: await workspace() });
    await paste(app);
    expect(mapping('E-mail')).toHaveDisplayValue('Email Address');
    expect(mapping('Given name')).toHaveDisplayValue('First Name');
    expect(mapping('Land')).toHaveDisplayValue('Country');
    expect(mapping('Birthday')).toHaveDisplayValue('Birthday');
    expect(mapping('Plan')).toHaveDisplayValue('Plan');
    // Every day is at most 12 in one row but not in all: 31/12 settles it as day first.
    expect(screen.queryByRole('combobox', { name: 'Dates in “Birthday”' })).not.toHaveValue('MDY');
  });

  it('marks the cells that fail the form’s checks, and can show only those rows', async () => {
    const app = renderApp('/contacts/import', { store: await workspace() });
    await paste(app);
    await waitFor(() => expect(screen.getByText(/4 rows · 2 ready · 2 with problems/)).toBeInTheDocument());
    const grid = await screen.findByRole('table', { name: 'Rows to import' });
    const bad = await within(grid).findByRole('button', { name: 'not an address' });
    expect(bad).toHaveAccessibleDescription('Enter an email address, such as name@example.com.');
    expect(within(grid).getByRole('button', { name: 'Gold' })).toHaveAccessibleDescription(
      '“Gold” is not an option of Plan.',
    );
    await app.user.click(screen.getByRole('checkbox', { name: 'Only rows with problems' }));
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent?.replace('●', '')),
    ).toEqual(['3', '4']);
  });

  it('adds an unknown value as a new option, corrects a cell in place, checks, and imports', async () => {
    const app = renderApp('/contacts/import', { store: await workspace() });
    await paste(app);
    await app.user.selectOptions(
      await screen.findByRole('combobox', { name: 'What to do with “Gold”' }),
      'Add as a new option',
    );
    const grid = await screen.findByRole('table', { name: 'Rows to import' });
    await app.user.click(await within(grid).findByRole('button', { name: 'not an address' }));
    const cell = within(grid).getByRole('textbox', { name: 'E-mail, row 3' });
    await app.user.clear(cell);
    await app.user.type(cell, 'nobody@example.com{Enter}');
    await waitFor(() => expect(screen.getByText(/4 rows · 4 ready · 0 with problems/)).toBeInTheDocument());

    await app.user.click(screen.getByRole('button', { name: 'Check against the workspace' }));
    const summary = await screen.findByRole('region', { name: 'What the import will do' });
    expect(summary).toHaveTextContent('3 contacts will be created and 1 updated');
    expect(summary).toHaveTextContent('First Name: 1 stored values replaced');
    expect(summary).toHaveTextContent('Country: 1 stored values replaced');

    await app.user.click(screen.getByRole('button', { name: 'Start import of 4 rows' }));
    await screen.findByRole('heading', { level: 1, name: /^Pasted rows/ });
    await waitFor(async () => expect((await contact(app, 'bo@example.com'))?.data.plan).toBe('Gold'), {
      timeout: 10_000,
    });
    expect((await contact(app, 'ann@example.com')).data).toMatchObject({
      first_name: 'Ann',
      country: 'DE',
      birthday: '1990-12-31',
      plan: 'Pro',
    });
    const old = await contact(app, 'old@example.com');
    expect(old.data).toMatchObject({ first_name: 'Olivia', country: 'GB', plan: 'Basic', birthday: '1985-02-01' });
    // The file has no Status column: an existing contact keeps its status.
    expect(old.status).toBe('UNSUBSCRIBED');
    expect((await contact(app, 'nobody@example.com')).status).toBe('SUBSCRIBED');
  });

  it('adds only the options chosen, so one a colleague removed meanwhile stays removed', async () => {
    const store = await workspace();
    const api = sandbox({ store });
    const plan = (await api.get('/v1/fields')).body.data.find(
      (field: { merge_tag: string }) => field.merge_tag === 'plan',
    );
    const withOptions = (definition: string) => ({
      ...plan,
      definition,
      id: undefined,
      order: undefined,
      immutable: undefined,
    });
    expect((await api.patch(`/v1/fields/${plan.id}`, withOptions('Basic,Pro,Legacy'))).status).toBe(200);
    const app = renderApp('/contacts/import', { store });
    await paste(app, 'Email\tPlan\nx@example.com\tGold');
    await app.user.selectOptions(
      await screen.findByRole('combobox', { name: 'What to do with “Gold”' }),
      'Add as a new option',
    );
    // A colleague retires "Legacy" while this import is being prepared.
    expect((await api.patch(`/v1/fields/${plan.id}`, withOptions('Basic,Pro'))).status).toBe(200);
    await app.user.click(await screen.findByRole('button', { name: 'Check against the workspace' }));
    await app.user.click(await screen.findByRole('button', { name: 'Start import of 1 rows' }));
    await waitFor(async () => expect((await contact(app, 'x@example.com'))?.data.plan).toBe('Gold'), {
      timeout: 10_000,
    });
    const stored = (await api.get('/v1/fields')).body.data.find((field: { id: number }) => field.id === plan.id);
    expect(stored.definition).toBe('Basic,Pro,Gold');
  });

  it('reads a Windows-1252 file with semicolons, chosen with the file input', async () => {
    const app = renderApp('/contacts/import', { store: await workspace() });
    // "Müller" and "€" as Windows-1252 writes them: bytes that are not UTF-8.
    const text = 'Email;Last name\nm@example.com;M\u00fcller\n';
    const bytes = Uint8Array.from(text, (char) => (char === '\u00fc' ? 0xfc : char.charCodeAt(0)));
    await app.user.upload(
      await screen.findByLabelText('CSV file'),
      new File([bytes], 'leads.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('heading', { name: 'Map the columns' });
    expect(screen.getByRole('region', { name: 'The file' })).toHaveTextContent('semicolon-separated · Windows-1252');
    expect(
      await within(await screen.findByRole('table', { name: 'Rows to import' })).findByRole('button', {
        name: 'Müller',
      }),
    ).toBeInTheDocument();
  });
});

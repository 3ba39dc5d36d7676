import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../../server/access/sessions.ts';
import { othersJobRefusal } from '../../../../src/contract/access.ts';
import { renderApp, type RenderedApp } from '../../render-app.tsx';
import { ADMIN, EDITOR, expectAllowed, expectRefused } from '../../roles-fixtures.ts';

/**
 * A finished import by the editor that updated one contact, created one and refused one, so every
 * control of a job's page is offered: undo, fix and retry, tag the created.
 */
async function finishedImport(app: RenderedApp, by?: Person) {
  const api = (method: string, path: string, body?: unknown) =>
    by ? app.apiAs(by, method, path, body) : app.api(method, path, body);
  await screen.findByText('No jobs yet.');
  await api('POST', '/v1/contacts', { fields: { email_address: 'ann@example.com' }, status: 'SUBSCRIBED' });
  const created = await api('POST', '/api/jobs', {
    kind: 'import',
    title: 'Spring fair leads',
    params: { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [] },
  });
  const id: number = created.body.data.id;
  const rows = [
    { email: 'ann@example.com', fields: { first_name: 'Ann' } },
    { email: 'bo@example.com', fields: { first_name: 'Bo' } },
    { email: 'odd@example.com', fields: { shoe_size: '42' } },
  ];
  expect((await api('POST', `/api/jobs/${id}/rows`, { rows })).status).toBe(200);
  expect((await api('POST', `/api/jobs/${id}/start`)).status).toBe(200);
  await waitFor(async () => expect((await app.api('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
    timeout: 10_000,
  });
  return id;
}

const open = (app: RenderedApp, path: string) => act(() => app.router.navigate(path));

afterEach(() => vi.unstubAllGlobals());

describe('an editor on a job’s page', () => {
  it('controls their own job, and reads who started it', async () => {
    const app = renderApp('/jobs', { person: EDITOR });
    const id = await finishedImport(app);
    await open(app, `/jobs/${id}`);
    expect(await screen.findByText('Started by Eddie Editor.')).toBeVisible();
    const undo = await screen.findByRole('button', { name: 'Undo this import' });
    expectAllowed(undo);
    expect(undo).not.toHaveAccessibleDescription();
    expect(await screen.findByRole('link', { name: 'Fix and retry refused rows' })).toBeInTheDocument();
    expect(screen.queryByText(othersJobRefusal('editor'))).not.toBeInTheDocument();
  });

  it('finds every control of someone else’s job disabled, saying why', async () => {
    const app = renderApp('/jobs', { person: EDITOR });
    const id = await finishedImport(app, ADMIN);
    await open(app, `/jobs/${id}`);
    expect(await screen.findByText('Started by Ada Admin.')).toBeVisible();
    const refusal = othersJobRefusal('editor');
    const undo = await screen.findByRole('button', { name: 'Undo this import' });
    expectRefused(undo, refusal);
    // Retrying makes a new import of the editor's own, so it stays open to them.
    expect(await screen.findByRole('link', { name: 'Fix and retry refused rows' })).toBeInTheDocument();
    const created = screen.getByRole('region', { name: /Contacts this import created/ });
    expect(within(created).getByRole('combobox', { name: 'Tag for the created contacts' })).toBeDisabled();
    expectRefused(within(created).getByRole('button', { name: 'Tag them' }), refusal);
    for (const note of screen.getAllByText(refusal)) expect(note).toBeVisible();
    // The server says the same, were the page bypassed.
    expect((await app.api('POST', `/api/jobs/${id}/undo`)).body).toEqual({ error: { message: refusal } });
  });
});

describe('the jobs list', () => {
  it('says who started each job', async () => {
    const app = renderApp('/jobs', { person: EDITOR });
    await finishedImport(app);
    // The list was read before the job existed: coming back to it reads it again.
    await open(app, '/contacts');
    await open(app, '/jobs');
    const row = (await screen.findByRole('rowheader', { name: 'Spring fair leads' })).closest('tr')!;
    expect(within(row).getByRole('cell', { name: 'Eddie Editor' })).toBeInTheDocument();
  });
});

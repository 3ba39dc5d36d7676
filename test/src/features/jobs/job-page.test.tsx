import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catchDownloads, renderApp, type RenderedApp } from '../../render-app.tsx';

type Row = { email: string; fields: Record<string, unknown>; status?: string; source?: Record<string, string> };

async function importJob(app: RenderedApp, rows: Row[], params: Record<string, unknown> = {}) {
  const created = await app.api('POST', '/api/jobs', {
    kind: 'import',
    title: 'Spring fair leads',
    params: { mode: 'add-and-update', newStatus: 'SUBSCRIBED', tagIds: [], ...params },
  });
  const id: number = created.body.data.id;
  expect((await app.api('POST', `/api/jobs/${id}/rows`, { rows })).status).toBe(200);
  return id;
}

const start = (app: RenderedApp, id: number) => app.api('POST', `/api/jobs/${id}/start`);
const job = async (app: RenderedApp, id: number) => (await app.api('GET', `/api/jobs/${id}`)).body.data;
const contact = async (app: RenderedApp, email: string) =>
  (await app.api('GET', `/v1/contacts/by-email?email=${encodeURIComponent(email)}`)).body.data;
const untilDone = (app: RenderedApp, id: number) =>
  waitFor(async () => expect((await job(app, id)).state).toBe('done'), { timeout: 10_000 });

async function open(app: RenderedApp, path: string) {
  await act(() => app.router.navigate(path));
}

const counted = (label: string) =>
  within(screen.getByText(label, { selector: 'dt' }).parentElement!).getByRole('definition');

afterEach(() => vi.unstubAllGlobals());

describe('a job’s page', () => {
  it('shows the progress, the counts and the refused rows with the API’s words', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    await app.api('POST', '/v1/contacts', {
      fields: { email_address: 'old@example.com', first_name: 'Olga' },
      status: 'SUBSCRIBED',
    });
    const id = await importJob(app, [
      { email: 'new@example.com', fields: { first_name: 'Nia' } },
      { email: 'old@example.com', fields: { first_name: 'Olivia' } },
      { email: 'odd@example.com', fields: { shoe_size: '42' } },
    ]);
    await start(app, id);
    await untilDone(app, id);
    await open(app, `/jobs/${id}`);

    await screen.findByRole('heading', { level: 1, name: 'Spring fair leads' });
    const progress = await screen.findByRole('progressbar', { name: 'Job progress' });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuetext', '3 of 3 rows'));
    expect(progress).toHaveAttribute('value', '3');
    expect(counted('Created')).toHaveTextContent('1');
    expect(counted('Updated')).toHaveTextContent('1');
    expect(counted('Refused')).toHaveTextContent('1');
    const refused = await screen.findByRole('region', { name: 'Refused rows' });
    expect(within(refused).getByRole('rowheader', { name: 'odd@example.com' })).toBeInTheDocument();
    expect(refused).toHaveTextContent('We were unable to find a field with the merge_tag shoe_size');
    expect((await contact(app, 'old@example.com')).data.first_name).toBe('Olivia');
  });

  it('downloads the refused rows as a CSV with the error beside each', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    const id = await importJob(app, [{ email: 'odd@example.com', fields: { shoe_size: '=42' } }]);
    await start(app, id);
    await untilDone(app, id);
    await open(app, `/jobs/${id}`);
    const blobs = catchDownloads();
    await app.user.click(await screen.findByRole('button', { name: 'Download refused rows' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = (await blobs[0]!.text()).replace(/^\ufeff/, '');
    expect(text.split('\r\n')).toEqual([
      'email,shoe_size,error',
      // A cell a spreadsheet would run as a formula is written as text.
      `odd@example.com,"'=42",We were unable to find a field with the merge_tag shoe_size`,
    ]);
  });

  it('undoes an import: values and status come back, a later change is kept, created contacts stay', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    await app.api('POST', '/v1/contacts', {
      fields: { email_address: 'ann@example.com', first_name: 'Ann', last_name: 'Lee' },
      status: 'UNSUBSCRIBED',
    });
    const id = await importJob(app, [
      { email: 'ann@example.com', fields: { first_name: 'Anne', last_name: 'Li' }, status: 'SUBSCRIBED' },
      { email: 'bo@example.com', fields: { first_name: 'Bo' } },
    ]);
    await start(app, id);
    await untilDone(app, id);
    // A colleague changes the last name after the import: theirs is newer than both.
    await app.api('POST', '/v1/contacts/upsert', {
      email_address: 'ann@example.com',
      fields: { last_name: 'Lindqvist' },
      partial_update: true,
    });
    await open(app, `/jobs/${id}`);
    await app.user.click(await screen.findByRole('button', { name: 'Undo this import' }));
    const dialog = screen.getByRole('dialog', { name: 'Undo this import?' });
    expect(dialog).toHaveTextContent('The 1 contacts it changed get back their values');
    expect(dialog).toHaveTextContent('The 1 contacts it created stay');
    await app.user.click(within(dialog).getByRole('button', { name: 'Undo this import' }));
    await screen.findByRole('heading', { level: 1, name: 'Undo: Spring fair leads' });
    await untilDone(app, id + 1);
    const ann = await contact(app, 'ann@example.com');
    expect(ann.data).toMatchObject({ first_name: 'Ann', last_name: 'Lindqvist' });
    expect(ann.status).toBe('UNSUBSCRIBED');
    expect((await contact(app, 'bo@example.com')).data.first_name).toBe('Bo');
    expect((await job(app, id)).undoneBy).toBe(id + 1);
  });

  it('resumes a paused job from its page, and lists jobs for everyone', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    const rows = Array.from({ length: 200 }, (_, n) => ({
      email: `p${n}@example.com`,
      fields: { first_name: `P${n}` },
    }));
    const id = await importJob(app, rows);
    await start(app, id);
    await app.api('POST', `/api/jobs/${id}/pause`);
    await waitFor(async () => expect((await job(app, id)).state).toBe('paused'));
    await open(app, '/contacts');
    await app.user.click(screen.getByRole('link', { name: 'Jobs' }));
    await app.user.click(await screen.findByRole('link', { name: 'Spring fair leads' }));
    await app.user.click(await screen.findByRole('button', { name: 'Resume' }));
    await waitFor(
      () => expect(screen.getByRole('progressbar', { name: 'Job progress' })).toHaveAttribute('value', '200'),
      {
        timeout: 10_000,
      },
    );
    expect(await screen.findByText('Done')).toBeInTheDocument();
    expect((await contact(app, 'p199@example.com')).data.first_name).toBe('P199');
  });

  it('tags the contacts an import created', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    const id = await importJob(app, [{ email: 'cy@example.com', fields: { first_name: 'Cy' } }]);
    await start(app, id);
    await untilDone(app, id);
    await open(app, `/jobs/${id}`);
    // The tags arrive after the page: the choice is there once they have.
    await screen.findByRole('option', { name: 'customer' });
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Tag for the created contacts' }), 'customer');
    await app.user.click(screen.getByRole('button', { name: 'Tag them' }));
    await screen.findByRole('heading', { level: 1, name: /^Tag “customer” on contacts created by/ });
    await untilDone(app, id + 1);
    expect((await contact(app, 'cy@example.com')).tags.map((tag: { name: string }) => tag.name)).toEqual(['customer']);
  });
});

describe('a refused row', () => {
  it('comes back into the import grid as the file had it, from “Fix and retry refused rows”', async () => {
    const app = renderApp('/jobs');
    await screen.findByText('No jobs yet.');
    const id = await importJob(app, [
      {
        email: 'odd@example.com',
        fields: { shoe_size: '42' },
        source: { 'E-mail': 'odd@example.com', 'Shoe size': '42' },
      },
    ]);
    await start(app, id);
    await untilDone(app, id);
    await open(app, `/jobs/${id}`);
    await app.user.click(await screen.findByRole('link', { name: 'Fix and retry refused rows' }));
    await screen.findByRole('heading', { level: 1, name: 'Import contacts' });
    expect(await screen.findByRole('region', { name: 'The file' })).toHaveTextContent(`Refused rows of job ${id}`);
    expect(screen.getByRole('combobox', { name: 'Map column “E-mail”' })).toHaveDisplayValue('Email Address');
    const grid = await screen.findByRole('table', { name: 'Rows to import' });
    expect(await within(grid).findByRole('button', { name: 'odd@example.com' })).toBeInTheDocument();
  });
});

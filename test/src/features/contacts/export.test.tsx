import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { catchDownloads, renderApp, type RenderedApp } from '../../render-app.tsx';

/** A field of every type, and three contacts holding values in them (one holding none). */
async function workspace(): Promise<Store> {
  const store = openStore(':memory:');
  const app = renderApp('/fields', { store });
  for (const field of [
    { label: 'Company', merge_tag: 'company', type: 'TEXT' },
    { label: 'Score', merge_tag: 'score', type: 'NUMBER' },
    { label: 'VIP', merge_tag: 'vip', type: 'BOOLEAN' },
    { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro' },
    { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera' },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
  ])
    expect((await app.api('POST', '/v1/fields', field)).status).toBe(201);
  const contacts = [
    {
      email_address: 'ann@example.com',
      first_name: 'Ann',
      company: '=Initech, Ltd',
      score: -3.5,
      vip: true,
      birthday: '1990-12-31',
      plan: 'Pro',
      interests: ['Golf', 'Opera'],
      country: 'DE',
    },
    { email_address: 'bo@example.com', last_name: 'Lee "Bo"', score: 1250, vip: false, plan: 'Free', country: 'GB' },
    { email_address: 'cy@example.com' },
  ];
  for (const fields of contacts)
    expect((await app.api('POST', '/v1/contacts', { fields, status: 'SUBSCRIBED', tags: [1] })).status).toBe(201);
  cleanup();
  return store;
}

async function exportAll(
  app: RenderedApp,
  values: 'As people read them (Germany, Yes)' | 'As stored (DE, true), to import again',
) {
  const blobs = catchDownloads();
  await app.user.click(await screen.findByRole('button', { name: 'Export CSV' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export CSV' });
  await app.user.click(within(dialog).getByRole('radio', { name: 'All fields' }));
  await app.user.click(within(dialog).getByRole('radio', { name: values }));
  await app.user.click(within(dialog).getByRole('button', { name: 'Export' }));
  await waitFor(() => expect(blobs).toHaveLength(1));
  return (await blobs[0]!.text()).replace(/^\ufeff/, '');
}

afterEach(() => vi.unstubAllGlobals());

describe('exporting contacts', () => {
  it('writes values as people read them', async () => {
    const app = renderApp('/contacts', { store: await workspace() });
    const text = await exportAll(app, 'As people read them (Germany, Yes)');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Email Address,First Name,Last Name,Company,Score,VIP,Birthday,Plan,Interests,Country,Status,Tags',
    );
    expect(lines).toContain(
      `ann@example.com,Ann,,"'=Initech, Ltd",-3.5,Yes,1990-12-31,Pro,"Golf, Opera",Germany (DE),SUBSCRIBED,newsletter`,
    );
  });

  it('stops on Cancel: no page read after, and no file', async () => {
    const app = renderApp('/contacts', { store: await workspace() });
    const blobs = catchDownloads();
    let release: () => void = () => {};
    let hold = false;
    let searchedAfter = 0;
    app.answerAlways(async ({ path }) => {
      if (path !== '/v1/contacts/search' || !hold) return undefined;
      searchedAfter++;
      // The export's first page waits until the test lets it through, after Cancel.
      if (searchedAfter === 1) await new Promise<void>((resolve) => (release = resolve));
      return undefined;
    });
    await app.user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export CSV' });
    hold = true;
    await app.user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(searchedAfter).toBe(1));
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blobs).toEqual([]);
    expect(searchedAfter).toBe(1);
  });

  it('writes stored values that import back without changing a single contact', async () => {
    const app = renderApp('/contacts', { store: await workspace() });
    const text = await exportAll(app, 'As stored (DE, true), to import again');
    expect(text).toContain('bo@example.com,,"Lee ""Bo""",,1250,false,,Free,,GB,SUBSCRIBED,newsletter');

    await act(() => app.router.navigate('/contacts/import'));
    await app.user.upload(
      await screen.findByLabelText('CSV file'),
      new File([text], 'contacts.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('heading', { name: 'Map the columns' });
    await waitFor(() => expect(screen.getByText(/3 rows · 3 ready · 0 with problems/)).toBeInTheDocument());
    await app.user.click(screen.getByRole('checkbox', { name: 'Blank cells keep the existing value' }));
    await app.user.click(screen.getByRole('button', { name: 'Check against the workspace' }));
    const summary = await screen.findByRole('region', { name: 'What the import will do' });
    expect(summary).toHaveTextContent('0 contacts will be created and 3 updated');
    expect(summary).toHaveTextContent('No stored value is replaced.');
    await app.user.click(screen.getByRole('button', { name: 'Start import of 3 rows' }));
    await screen.findByRole('heading', { level: 1, name: /^contacts\.csv/ });
    const id = Number(app.router.state.location.pathname.split('/').pop());
    await waitFor(async () => expect((await app.api('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
      timeout: 10_000,
    });
    expect((await app.api('GET', `/api/jobs/${id}`)).body.data.counts).toMatchObject({
      total: 3,
      unchanged: 3,
      updated: 0,
      refused: 0,
    });
  });
});

import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { renderApp, type RenderedApp } from '../../render-app.tsx';

/** `count` contacts, p001…, every one SUBSCRIBED with the tag "newsletter" (id 1). */
async function workspace(count: number): Promise<Store> {
  const store = openStore(':memory:');
  const app = renderApp('/fields', { store });
  for (let n = 1; n <= count; n++) {
    const email = `p${String(n).padStart(4, '0')}@example.com`;
    const answer = await app.api('POST', '/v1/contacts', {
      fields: { email_address: email },
      status: 'SUBSCRIBED',
      tags: [1],
    });
    expect(answer.status).toBe(201);
  }
  cleanup();
  return store;
}

async function openList(store: Store) {
  const app = renderApp('/contacts', { store });
  await screen.findByRole('table');
  return app;
}

const selected = async () => within(await screen.findByRole('region', { name: 'Selection' })).getByRole('status');
const tagsOf = async (app: RenderedApp, email: string) =>
  (await app.api('GET', `/v1/contacts/by-email?email=${email}`)).body.data.tags.map(
    (tag: { name: string }) => tag.name,
  );
const untilDone = (app: RenderedApp, id: number) =>
  waitFor(async () => expect((await app.api('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
    timeout: 15_000,
  });

describe('changing many contacts at once', () => {
  it('selects the whole search, adds a tag to every contact as a job, and undoes it', async () => {
    const app = await openList(await workspace(60));
    await app.user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    expect(await selected()).toHaveTextContent('50 selected');
    await app.user.click(screen.getByRole('button', { name: 'Select all 60 contacts matching this search' }));
    expect(await selected()).toHaveTextContent('60 selected');

    await app.user.click(screen.getByRole('button', { name: 'Add tags' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tags?' });
    expect(dialog).toHaveAccessibleDescription(/This changes 60 contacts/);
    await app.user.type(within(dialog).getByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    await app.user.click(within(dialog).getByRole('button', { name: 'Add tags' }));

    await screen.findByRole('heading', { level: 1, name: 'Add tags “customer” · 60 contacts' });
    const id = Number(app.router.state.location.pathname.split('/').pop());
    await untilDone(app, id);
    expect(await tagsOf(app, 'p0001@example.com')).toEqual(['newsletter', 'customer']);
    expect(await tagsOf(app, 'p0060@example.com')).toEqual(['newsletter', 'customer']);

    await app.user.click(await screen.findByRole('button', { name: 'Undo this job' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Undo/ }));
    await untilDone(app, id + 1);
    expect(await tagsOf(app, 'p0001@example.com')).toEqual(['newsletter']);
    expect(await tagsOf(app, 'p0060@example.com')).toEqual(['newsletter']);
  });

  it('keeps the selection across pages, and starts again with a new search', async () => {
    const app = await openList(await workspace(60));
    await app.user.click(screen.getByRole('checkbox', { name: 'p0060@example.com' }));
    await app.user.click(screen.getByRole('button', { name: 'Next page' }));
    await app.user.click(await screen.findByRole('checkbox', { name: 'p0001@example.com' }));
    expect(await selected()).toHaveTextContent('2 selected');
    await app.user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('checkbox', { name: 'p0060@example.com' })).toBeChecked();
    await app.user.type(screen.getByRole('searchbox', { name: 'Search by email' }), 'p00');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument());
  });

  it('asks for the number over 1,000 contacts, and for a clear yes before Cleaned', async () => {
    const app = await openList(await workspace(1001));
    await app.user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    await app.user.click(screen.getByRole('button', { name: 'Select all 1,001 contacts matching this search' }));
    await app.user.click(screen.getByRole('button', { name: 'Change status' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change status?' });
    const confirm = within(dialog).getByRole('button', { name: 'Change status' });
    await app.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'CLEANED');
    expect(confirm).toBeDisabled();
    await app.user.type(within(dialog).getByRole('textbox', { name: 'Type 1,001 to confirm' }), '1001');
    expect(confirm).toBeDisabled();
    await app.user.click(
      within(dialog).getByRole('checkbox', { name: /I understand these 1,001 contacts get no more campaigns/ }),
    );
    expect(confirm).toBeEnabled();
    await app.user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'UNCONFIRMED');
    expect(dialog).toHaveTextContent('Each of the 1,001 contacts gets the double opt-in email');
  }, 30_000);
});

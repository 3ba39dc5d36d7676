import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

const JANE = { id: 'jane', name: 'Jane Doe', email: 'jane@example.com', role: 'admin' } as const;
const VERA = { id: 'v', name: 'Vera Viewer', email: null, role: 'viewer' } as const;
const NOTE =
  'Only changes made through Lark Admin are shown; changes made in CampaignLark itself or by other tools are not known here.';

/** A contact at Initech, then moved to Globex: two real writes the server records. */
async function contactThatMoved(app: RenderedApp) {
  expect((await app.api('POST', '/v1/fields', { label: 'Company', merge_tag: 'company', type: 'TEXT' })).status).toBe(
    201,
  );
  const created = await app.api('POST', '/v1/contacts', {
    fields: { email_address: 'dana@example.com', company: 'Initech' },
    status: 'SUBSCRIBED',
    tags: [],
  });
  expect(created.status).toBe(201);
  const moved = await app.api('POST', '/v1/contacts/upsert', {
    email_address: 'dana@example.com',
    partial_update: true,
    fields: { company: 'Globex' },
  });
  expect(moved.status).toBe(200);
  return created.body.data.id as string;
}

async function openHistory(app: RenderedApp) {
  await app.router.navigate('/contacts/edit?email=dana%40example.com');
  return screen.findByRole('region', { name: 'History' });
}

const items = (history: HTMLElement) =>
  within(history)
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('a contact’s history', () => {
  it('lists the changes made through Lark Admin, newest first, with who and when', async () => {
    const app = renderApp('/fields', { person: JANE });
    await contactThatMoved(app);
    const history = await openHistory(app);
    expect(await within(history).findByText(/changed Company/)).toBeInTheDocument();
    expect(items(history)).toEqual([
      'Jane Doe changed Company from “Initech” to “Globex” · just now',
      'Jane Doe added this contact, set Email Address to “dana@example.com”, set Company to “Initech” and set Status to Subscribed · just now',
    ]);
    expect(within(history).getByText(NOTE)).toBeInTheDocument();
    expect(within(history).queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('shows a save made on the page at once', async () => {
    const app = renderApp('/fields', { person: JANE });
    await contactThatMoved(app);
    const history = await openHistory(app);
    await within(history).findByText(/changed Company/);
    const company = screen.getByRole('textbox', { name: 'Company' });
    await app.user.clear(company);
    await app.user.type(company, 'Umbrella');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await within(history).findByText('Jane Doe changed Company from “Globex” to “Umbrella”', { exact: false }),
    ).toBeInTheDocument();
    expect(items(history)).toHaveLength(3);
  });

  it('says a change came from a job, with a link to it, and what tag it added', async () => {
    const app = renderApp('/fields', { person: JANE });
    const id = await contactThatMoved(app);
    app.audit.record({
      actor: { id: 'bob', name: 'Bob Builder' },
      kind: 'contact',
      action: 'changed',
      targetId: id,
      targetName: 'dana@example.com',
      changes: [{ key: 'tags', before: [], after: [2] }],
      job: { id: 12, row: 3 },
    });
    const history = await openHistory(app);
    expect(await within(history).findByText(/Bob Builder added tag “customer”/)).toHaveTextContent(
      'Bob Builder added tag “customer” · by job 12 · just now',
    );
    expect(within(history).getByRole('link', { name: 'job 12' })).toHaveAttribute('href', '/jobs/12');
  });

  it('pages back through a long history', async () => {
    const app = renderApp('/fields', { person: JANE });
    const id = await contactThatMoved(app);
    for (let n = 1; n <= 100; n++)
      app.audit.record({
        actor: { id: 'jane', name: 'Jane Doe' },
        kind: 'contact',
        action: 'changed',
        targetId: id,
        targetName: 'dana@example.com',
        changes: [{ key: 'company', before: `Firm ${n - 1}`, after: `Firm ${n}` }],
        job: null,
      });
    const history = await openHistory(app);
    await within(history).findByText(/“Firm 100”/);
    expect(items(history)).toHaveLength(100);
    expect(within(history).queryByText(/added this contact/)).toBeNull();
    await app.user.click(within(history).getByRole('button', { name: 'Show older' }));
    expect(await within(history).findByText(/added this contact/)).toBeInTheDocument();
    expect(items(history)).toHaveLength(102);
    expect(within(history).queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('says so when nothing was changed through Lark Admin', async () => {
    // The contact was written before this trail began (as CampaignLark itself would).
    const first = renderApp('/fields');
    await contactThatMoved(first);
    cleanup();
    const app = renderApp('/fields', { store: first.store, person: VERA });
    const history = await openHistory(app);
    expect(await within(history).findByText('No changes through Lark Admin yet.')).toBeInTheDocument();
    expect(within(history).getByText(NOTE)).toBeInTheDocument();
  });

  it('says when the history could not be read, and tries again', async () => {
    const app = renderApp('/fields', { person: JANE });
    await contactThatMoved(app);
    app.answerNext(({ path }) =>
      path.startsWith('/api/history/') ? json(500, { error: { message: 'The trail is resting.' } }) : undefined,
    );
    const history = await openHistory(app);
    expect(await within(history).findByRole('alert')).toHaveTextContent('The history could not be loaded.');
    expect(within(history).getByText('The trail is resting.')).toBeInTheDocument();
    await app.user.click(within(history).getByRole('button', { name: 'Try again' }));
    expect(await within(history).findByText(/changed Company/)).toBeInTheDocument();
    expect(within(history).queryByRole('alert')).toBeNull();
  });
});

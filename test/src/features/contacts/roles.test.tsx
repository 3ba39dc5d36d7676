import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { sandbox } from '../../../server/sandbox-client.ts';
import { json, renderApp } from '../../render-app.tsx';
import { ADMIN, EDITOR, expectRefused, VIEWER } from '../../roles-fixtures.ts';

const CANNOT_CHANGE = 'Your role (Viewer) cannot change contacts.';

/** What the read-only record says for a label (a term and its definition). */
function valueOf(record: HTMLElement, label: string): string | null {
  const term = within(record).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

/** One contact, Ann, with the tag "newsletter"; seeded by an admin, as the viewer finds it. */
async function workspace(): Promise<Store> {
  const store = openStore(':memory:');
  const answer = await sandbox({ store }).post('/v1/contacts', {
    fields: { email_address: 'ann@example.com', first_name: 'Ann' },
    status: 'SUBSCRIBED',
    tags: [1],
  });
  expect(answer.status).toBe(201);
  return store;
}

describe('a viewer on the contacts list', () => {
  it('sees Add contact, Import and the views’ changes disabled, each saying why', async () => {
    const app = renderApp('/contacts', { store: await workspace(), person: VIEWER });
    expect((await app.apiAs(ADMIN, 'POST', '/api/views', { name: 'Newsletter', query: 'tag=1' })).status).toBe(201);
    await screen.findByRole('table');
    const deleteView = await screen.findByRole('button', { name: 'Delete the view Newsletter' });
    expectRefused(deleteView, CANNOT_CHANGE);
    await app.user.click(deleteView);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const add = await screen.findByRole('button', { name: 'Add contact' });
    expectRefused(add, CANNOT_CHANGE);
    expectRefused(screen.getByRole('button', { name: 'Import contacts' }), CANNOT_CHANGE);
    expect(screen.queryByRole('link', { name: 'Add contact' })).not.toBeInTheDocument();
    expectRefused(screen.getByRole('button', { name: 'Save this view' }), CANNOT_CHANGE);
  });

  it('can select contacts, but every change to them is disabled with the reason', async () => {
    const app = renderApp('/contacts', { store: await workspace(), person: VIEWER });
    await app.user.click(await screen.findByRole('checkbox', { name: 'ann@example.com' }));
    const bar = await screen.findByRole('region', { name: 'Selection' });
    const addTags = await within(bar).findByRole('button', { name: 'Add tags' });
    expectRefused(addTags, CANNOT_CHANGE);
    // A press does nothing: no dialog opens.
    await app.user.click(addTags);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(bar).getByText(CANNOT_CHANGE)).toBeVisible();
  });

  it('an editor may add contacts', async () => {
    renderApp('/contacts', { store: await workspace(), person: EDITOR });
    expect(await screen.findByRole('link', { name: 'Add contact' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import contacts' })).toBeInTheDocument();
  });
});

describe('a viewer opening a contact form', () => {
  it('gets the reason instead of a new-contact form: nothing to type into', async () => {
    const app = renderApp('/contacts/new', { store: await workspace(), person: VIEWER });
    expect(await screen.findByText(CANNOT_CHANGE)).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: 'Back to contacts' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Contacts' })).toBeInTheDocument();
  });

  it('sees a stored contact as text to read and select, with the reason above and no Save', async () => {
    renderApp('/contacts/edit?email=ann%40example.com', { store: await workspace(), person: VIEWER });
    const record = await screen.findByRole('region', { name: 'Contact details' });
    expect(screen.getByRole('heading', { level: 1, name: 'Contact ann@example.com' })).toBeInTheDocument();
    expect(valueOf(record, 'Email Address')).toBe('ann@example.com');
    expect(valueOf(record, 'First Name')).toBe('Ann');
    expect(valueOf(record, 'Status')).toBe('Subscribed');
    expect(valueOf(record, 'Tags')).toBe('newsletter');
    expect(within(record).getByText(CANNOT_CHANGE)).toBeVisible();
    expect(within(record).getByText('The values are shown as stored.')).toBeVisible();
    // Nothing to type into, nothing disabled to tab past: nothing a save would refuse.
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'History' })).toBeInTheDocument();
  });

  it('is told which fields the record leaves out, since their types are unknown here', async () => {
    const app = renderApp('/contacts/edit?email=ann%40example.com', { store: await workspace(), person: VIEWER });
    app.answerAlways(async ({ method, path }) => {
      if (method !== 'GET' || path !== '/v1/fields') return undefined;
      const { body } = await app.api('GET', '/v1/fields');
      return json(200, {
        data: body.data.map((field: { merge_tag: string }) =>
          field.merge_tag === 'first_name' ? { ...field, type: 'PHONE' } : field,
        ),
      });
    });
    const record = await screen.findByRole('region', { name: 'Contact details' });
    expect(
      within(record).getByText('Not shown, since Lark Admin does not know their types: First Name (PHONE).'),
    ).toBeVisible();
    expect(within(record).queryByText('First Name', { selector: 'dt' })).toBeNull();
  });

  it('sees the stored values, not a draft kept from when the role allowed changes', async () => {
    const store = await workspace();
    const { id } = (await sandbox({ store }).get('/v1/contacts/by-email?email=ann@example.com')).body.data;
    localStorage.setItem(
      `lark-admin:contact-draft:sandbox:${id}`,
      JSON.stringify({
        savedAt: new Date().toISOString(),
        form: { base: { values: { first_name: 'Ann' } }, changes: { values: { first_name: 'Annie' } } },
      }),
    );
    renderApp('/contacts/edit?email=ann%40example.com', { store, person: EDITOR });
    expect(await screen.findByRole('textbox', { name: 'First Name' })).toHaveValue('Annie');
    cleanup();
    renderApp('/contacts/edit?email=ann%40example.com', { store, person: VIEWER });
    expect(valueOf(await screen.findByRole('region', { name: 'Contact details' }), 'First Name')).toBe('Ann');
    expect(screen.queryByText('Your unsent entries were restored.')).not.toBeInTheDocument();
  });
});

describe('an editor whose role becomes Viewer while editing', () => {
  it('sees the contact as stored, told their changes are kept as a draft for when the role allows', async () => {
    const app = renderApp('/contacts/edit?email=ann%40example.com', { store: await workspace(), person: EDITOR });
    let role = 'editor';
    app.answerAlways(({ method, path }) => {
      if (path === '/api/me') return json(200, { id: 'e1', name: 'Eddie Editor', email: null, role, signIn: 'oidc' });
      if (method !== 'GET' && path.startsWith('/v1/contacts')) {
        role = 'viewer';
        return json(403, { error: { message: CANNOT_CHANGE } }, { 'x-lark-refusal': 'role' });
      }
      return undefined;
    });
    const first = await screen.findByRole('textbox', { name: 'First Name' });
    await app.user.clear(first);
    await app.user.type(first, 'Annie');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    const record = await screen.findByRole('region', { name: 'Contact details' });
    expect(screen.getByText('(Viewer)')).toBeInTheDocument();
    expect(valueOf(record, 'First Name')).toBe('Ann');
    expect(
      await within(record).findByText(
        'Your changes to this contact are not saved. They are kept as a draft in this browser, and come back when your role lets you save them.',
      ),
    ).toBeVisible();
    const [key] = Object.keys(localStorage).filter((name) => name.startsWith('lark-admin:contact-draft:'));
    expect(localStorage.getItem(key!)).toContain('Annie');
  });
});

describe('an editor’s tag picker', () => {
  it('offers the existing tags but no “Create tag” entry, and says why', async () => {
    const app = renderApp('/contacts/new', { store: await workspace(), person: EDITOR });
    const tags = await screen.findByRole('combobox', { name: 'Tags' });
    expect(tags).toHaveAccessibleDescription(
      'Your role (Editor) cannot change fields or tags. Choose among the existing tags.',
    );
    await app.user.type(tags, 'news');
    expect(await screen.findByRole('option', { name: 'newsletter' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Create tag “news”' })).not.toBeInTheDocument();
  });
});

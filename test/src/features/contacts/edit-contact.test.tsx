import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

const FIELDS = [
  { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro,Team' },
  { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
  { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera' },
  { label: 'Newsletter', merge_tag: 'newsletter', type: 'BOOLEAN' },
  { label: 'Age', merge_tag: 'age', type: 'NUMBER' },
  { label: 'Phone', merge_tag: 'phone', type: 'TEXT' },
];

async function workspaceWithContact() {
  const app = renderApp('/fields');
  for (const field of FIELDS) await app.api('POST', '/v1/fields', field);
  const created = await app.api('POST', '/v1/contacts', {
    fields: {
      email_address: 'cersei@example.com',
      first_name: 'Cersei',
      plan: 'Pro',
      country: 'GB',
      interests: ['Opera'],
      newsletter: true,
      age: 40,
      phone: '+44 20 7946 0000',
    },
    status: 'SUBSCRIBED',
    tags: [1],
  });
  expect(created.status).toBe(201);
  return app;
}

async function openEdit(app: RenderedApp, email = 'cersei@example.com') {
  await app.router.navigate(`/contacts/edit?email=${encodeURIComponent(email)}`);
  return screen.findByRole('textbox', { name: 'Email Address' });
}

const stored = async (app: RenderedApp, email = 'cersei@example.com') =>
  (await app.api('GET', `/v1/contacts/by-email?email=${email}`)).body.data;

describe('editing a contact', () => {
  it('shows the stored values, sends only the changes, and keeps what was not touched', async () => {
    const app = await workspaceWithContact();
    const email = await openEdit(app);
    expect(email).toHaveValue('cersei@example.com');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Pro');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('United Kingdom');
    expect(screen.getByRole('button', { name: 'Remove Opera' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Newsletter' })).toBeChecked();
    expect(screen.getByRole('complementary', { name: 'Activity' })).toHaveTextContent('Last openedNever');

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Team');
    await app.user.clear(screen.getByRole('combobox', { name: 'Country' }));
    await app.user.type(screen.getByRole('combobox', { name: 'Country' }), 'franc{Enter}');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes to cersei@example.com saved.')).toBeInTheDocument();

    const contact = await stored(app);
    expect(contact.data).toEqual({
      email_address: 'cersei@example.com',
      first_name: 'Cersei',
      plan: 'Team',
      country: 'FR',
      interests: ['Opera'],
      newsletter: true,
      age: 40,
      phone: '+44 20 7946 0000',
    });
    expect(contact.tags).toEqual([{ id: 1, name: 'newsletter' }]);
    const writes = app.sent.filter((request) => request.method !== 'GET' && request.path.startsWith('/v1/contacts'));
    expect(writes).toEqual([
      {
        method: 'POST',
        path: '/v1/contacts/upsert',
        body: { email_address: 'cersei@example.com', partial_update: true, fields: { plan: 'Team', country: 'FR' } },
      },
    ]);
  });

  it('sends back unchanged the value of a field it cannot show', async () => {
    const app = await workspaceWithContact();
    // Lark Admin is told the phone field has a type it does not know.
    app.answerAlways(async ({ method, path }) => {
      if (method !== 'GET' || path !== '/v1/fields') return undefined;
      const { body } = await app.api('GET', '/v1/fields');
      return json(200, {
        data: body.data.map((field: { merge_tag: string }) =>
          field.merge_tag === 'phone' ? { ...field, type: 'PHONE' } : field,
        ),
      });
    });
    await openEdit(app);
    expect(screen.getByText('Some fields cannot be filled in here.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Phone' })).toBeNull();
    await app.user.clear(screen.getByRole('textbox', { name: 'First Name' }));
    await app.user.type(screen.getByRole('textbox', { name: 'First Name' }), 'Queen');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Changes to cersei@example.com saved.');
    expect((await stored(app)).data).toMatchObject({ first_name: 'Queen', phone: '+44 20 7946 0000' });
  });

  it('reads stored values tolerantly', async () => {
    const app = await workspaceWithContact();
    const contact = await stored(app);
    app.answerAlways(({ path }) =>
      path === '/v1/contacts/by-email'
        ? json(200, {
            data: {
              ...contact,
              status: 'BOUNCED',
              data: {
                email_address: 'cersei@example.com',
                newsletter: 'true',
                age: '42',
                interests: 'golf, Chess',
                country: 'germany',
                plan: 'pro',
              },
            },
          })
        : undefined,
    );
    await openEdit(app);
    expect(screen.getByRole('checkbox', { name: 'Newsletter' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('42');
    expect(screen.getByRole('button', { name: 'Remove Golf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Chess' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('Germany');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Pro');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('CLEANED');
    expect(screen.getByText(/reports this contact as BOUNCED/)).toBeInTheDocument();
  });

  it('says which automations saving will set off', async () => {
    const app = await workspaceWithContact();
    await openEdit(app);
    expect(screen.queryByText('Saving will set off:')).toBeNull();
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    expect(screen.getByText('Changing the status sets off no automation.', { selector: 'li' })).toBeInTheDocument();
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    expect(screen.getByText(/Tag Added and Tag Removed automations run/)).toBeInTheDocument();
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), '1');
    expect(screen.getByText(/Field Updated automations may run/)).toBeInTheDocument();
  });

  it('Enter takes the highlighted tag, and creates one only through the explicit "Create tag" entry', async () => {
    const app = await workspaceWithContact();
    await openEdit(app);
    const picker = screen.getByRole('combobox', { name: 'Tags' });
    await app.user.type(picker, 'cust{Enter}');
    expect(screen.getByRole('button', { name: 'Remove customer' })).toBeInTheDocument();
    // "news" matches newsletter, which the contact already has: Enter must not make a tag "news".
    await app.user.type(picker, 'news');
    expect(screen.getByRole('option', { name: 'Create tag “news”' })).toHaveAttribute('aria-selected', 'false');
    await app.user.keyboard('{Enter}');
    await app.user.keyboard('{Enter}');
    expect(app.requests).not.toContain('POST /v1/tags');
    await app.user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('button', { name: 'Remove news' })).toBeInTheDocument();
    expect(app.requests.filter((request) => request === 'POST /v1/tags')).toHaveLength(1);
  });

  it('puts an email another contact has at the email input', async () => {
    const app = await workspaceWithContact();
    await app.api('POST', '/v1/contacts', { fields: { email_address: 'jaime@example.com' }, status: 'SUBSCRIBED' });
    const email = await openEdit(app);
    await app.user.clear(email);
    await app.user.type(email, 'jaime@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription(
        expect.stringContaining('A contact with this email address already exists.'),
      ),
    );
  });

  it('follows a changed email address in the page address', async () => {
    const app = await workspaceWithContact();
    const email = await openEdit(app);
    await app.user.clear(email);
    await app.user.type(email, 'queen@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?email=queen%40example.com'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit queen@example.com' })).toBeInTheDocument();
  });

  it('says a contact that does not exist is not found, and offers the list', async () => {
    const app = await workspaceWithContact();
    await app.router.navigate('/contacts/edit?email=nobody@example.com');
    expect(await screen.findByRole('heading', { level: 1, name: 'Contact not found' })).toBeInTheDocument();
    expect(screen.getByText(/We couldn't find a contact with that email address\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to contacts' })).toHaveAttribute('href', '/contacts');
  });

  it('says the contact is gone when the save finds it missing, keeping the values', async () => {
    const app = await workspaceWithContact();
    await openEdit(app);
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Free');
    // Deleted in CampaignLark's dashboard meanwhile: the save's fresh read finds nothing.
    app.answerNext(({ path }) =>
      path === '/v1/contacts/by-email'
        ? json(404, { error: { message: "We couldn't find a contact with that email address." } })
        : undefined,
    );
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't find a contact with that email address.");
    expect(app.requests.filter((request) => request.startsWith('POST /v1/contacts/upsert'))).toEqual([]);
    expect(alert).toHaveTextContent('The contact no longer exists.');
    expect(within(alert).getByRole('link', { name: 'Go to the contacts list' })).toHaveAttribute('href', '/contacts');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Free');
  });
});

/** The three ways an edit used to overwrite newer data, and stored values that are no longer options. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

const FIELDS = [
  { label: 'Company', merge_tag: 'company', type: 'TEXT' },
  { label: 'Phone', merge_tag: 'phone', type: 'TEXT' },
  { label: 'City', merge_tag: 'city', type: 'TEXT' },
  { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Starter,Pro,Team' },
  { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera' },
];
const EMAIL = 'jane@example.com';

async function workspace() {
  const app = renderApp('/fields');
  for (const field of FIELDS) expect((await app.api('POST', '/v1/fields', field)).status).toBe(201);
  const tag = await app.api('POST', '/v1/tags', { name: 'vip' });
  await app.api('POST', '/v1/tags', { name: 'press' });
  const created = await app.api('POST', '/v1/contacts', {
    fields: {
      email_address: EMAIL,
      company: 'Initech',
      phone: '555-0100',
      city: 'Paris',
      plan: 'Starter',
      interests: ['Golf', 'Opera'],
    },
    status: 'SUBSCRIBED',
    tags: [tag.body.data.id],
  });
  expect(created.status).toBe(201);
  return app;
}

async function openEdit(app: RenderedApp) {
  await app.router.navigate(`/contacts/edit?email=${encodeURIComponent(EMAIL)}`);
  return screen.findByRole('textbox', { name: 'Email Address' });
}

const stored = async (app: RenderedApp) => (await app.api('GET', `/v1/contacts/by-email?email=${EMAIL}`)).body.data;
/** A colleague's change, made straight against the workspace. */
const elsewhere = (app: RenderedApp, fields: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  app.api('POST', '/v1/contacts/upsert', { email_address: EMAIL, partial_update: true, fields, ...more });
const writes = (app: RenderedApp) =>
  app.sent.filter(
    (request) =>
      request.method !== 'GET' && request.path.startsWith('/v1/contacts') && request.path !== '/v1/contacts/search',
  );
const input = (name: string) => screen.getByRole('textbox', { name });

async function retype(app: RenderedApp, name: string, text: string) {
  await app.user.clear(input(name));
  await app.user.type(input(name), text);
}

const save = (app: RenderedApp) => app.user.click(screen.getByRole('button', { name: 'Save changes' }));
const saved = () => screen.findByText(`Changes to ${EMAIL} saved.`);

describe('two admins on one contact', () => {
  it('keeps both changes when they touch different fields', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Company', 'Acme');
    await elsewhere(app, { phone: '555-0199' });
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({
      company: 'Acme',
      phone: '555-0199',
      city: 'Paris',
      plan: 'Starter',
    });
    expect(writes(app).map((request) => request.body)).toEqual([
      { email_address: EMAIL, partial_update: true, fields: { company: 'Acme' } },
    ]);
  });

  it('writes nothing when both changed the same field, shows theirs at the input, and saves what the admin then chooses', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Company', 'Acme');
    await retype(app, 'City', 'Lyon');
    await elsewhere(app, { company: 'Globex', phone: '555-0199' });
    await save(app);

    expect(
      await screen.findByText('Nothing was saved: this contact was changed elsewhere meanwhile.'),
    ).toBeInTheDocument();
    expect(input('Company')).toHaveAccessibleDescription(
      expect.stringContaining('Changed elsewhere since you opened this contact: now “Globex”.'),
    );
    expect(input('Company')).toHaveValue('Acme');
    // What nobody here touched now shows as stored; the admin's other change stays.
    expect(input('Phone')).toHaveValue('555-0199');
    expect(input('City')).toHaveValue('Lyon');
    expect(writes(app)).toEqual([]);
    expect((await stored(app)).data.company).toBe('Globex');

    await app.user.click(
      within(screen.getByRole('group', { name: 'Company: changed elsewhere' })).getByRole('button', {
        name: 'Keep mine',
      }),
    );
    expect(screen.queryByRole('group', { name: 'Company: changed elsewhere' })).toBeNull();
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ company: 'Acme', phone: '555-0199', city: 'Lyon' });
  });

  it('"Use theirs" takes the stored value, and the save sends only the rest', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Company', 'Acme');
    await retype(app, 'City', 'Lyon');
    await elsewhere(app, { company: 'Globex' });
    await save(app);
    await app.user.click(
      within(await screen.findByRole('group', { name: 'Company: changed elsewhere' })).getByRole('button', {
        name: 'Use theirs',
      }),
    );
    expect(input('Company')).toHaveValue('Globex');
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ company: 'Globex', city: 'Lyon' });
    expect(writes(app).map((request) => request.body)).toEqual([
      { email_address: EMAIL, partial_update: true, fields: { city: 'Lyon' } },
    ]);
  });

  it('merges tags as additions and removals, and the status by the same rule as values', async () => {
    const app = await workspace();
    const tags = (await app.api('GET', '/v1/tags')).body.data.tags as { id: number; name: string }[];
    const [vip, press] = ['vip', 'press'].map((name) => tags.find((tag) => tag.name === name)!);
    await openEdit(app);
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'press{Enter}');
    await screen.findByRole('button', { name: 'Remove press' });
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    // Meanwhile a colleague removes vip and marks the contact Cleaned.
    await elsewhere(app, {}, { tags: [], status: 'CLEANED' });
    await save(app);
    const status = await screen.findByRole('combobox', { name: 'Status' });
    await waitFor(() =>
      expect(status).toHaveAccessibleDescription(
        expect.stringContaining('Changed elsewhere since you opened this contact: now “Cleaned”.'),
      ),
    );
    await app.user.click(
      within(screen.getByRole('group', { name: 'Status: changed elsewhere' })).getByRole('button', {
        name: 'Use theirs',
      }),
    );
    await save(app);
    await saved();
    const contact = await stored(app);
    expect(contact.status).toBe('CLEANED');
    expect(contact.tags.map((tag: { id: number }) => tag.id)).toEqual([press!.id]);
    expect(contact.tags.map((tag: { id: number }) => tag.id)).not.toContain(vip!.id);
  });
});

describe('a restored draft over a newer record', () => {
  async function leaveWithDraft(app: RenderedApp) {
    await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Tags' }));
    await app.user.click(
      within(screen.getByRole('dialog', { name: 'Leave this form?' })).getByRole('button', { name: 'Keep as draft' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Tags' });
  }

  it('lays only the changes on the record as it is now, and says which inputs hold them', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Phone', '555-0142');
    await leaveWithDraft(app);
    await elsewhere(app, { company: 'Globex' });

    await openEdit(app);
    expect(screen.getByText('Your unsent entries were restored.')).toBeInTheDocument();
    expect(screen.getByText('Restored changes in: Phone.')).toBeInTheDocument();
    expect(input('Company')).toHaveValue('Globex');
    expect(input('Phone')).toHaveValue('555-0142');
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ company: 'Globex', phone: '555-0142' });
  });

  it('shows a conflict, not the old value, when the draft changed what was changed elsewhere', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Company', 'Acme');
    await leaveWithDraft(app);
    await elsewhere(app, { company: 'Globex' });

    await openEdit(app);
    expect(screen.getByText('Restored changes in: Company.')).toBeInTheDocument();
    expect(input('Company')).toHaveAccessibleDescription(expect.stringContaining('now “Globex”'));
    await save(app);
    expect(
      await screen.findByText('Nothing was saved: this contact was changed elsewhere meanwhile.'),
    ).toBeInTheDocument();
    expect(writes(app)).toEqual([]);
    expect((await stored(app)).data.company).toBe('Globex');
  });
});

describe('a merge tag renamed while a contact is cached', () => {
  it('shows and keeps the value under its new merge tag', async () => {
    const app = await workspace();
    await openEdit(app);
    expect(input('City')).toHaveValue('Paris');
    const city = (await app.api('GET', '/v1/fields')).body.data.find(
      (field: { merge_tag: string }) => field.merge_tag === 'city',
    );
    await app.router.navigate(`/fields/${city.id}/edit`);
    const tag = await screen.findByRole('textbox', { name: 'Merge tag' });
    await app.user.clear(tag);
    await app.user.type(tag, 'town');
    await app.user.click(screen.getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });

    // Back within the cache window: the form shows the value where it now lives.
    await openEdit(app);
    await waitFor(() => expect(input('City')).toHaveValue('Paris'));
    await retype(app, 'Phone', '555-0111');
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ town: 'Paris', phone: '555-0111' });
  });
});

describe('a stored value that is no longer an option', () => {
  async function removeOptions(app: RenderedApp) {
    const fields = (await app.api('GET', '/v1/fields')).body.data as { id: number; merge_tag: string }[];
    const id = (tag: string) => fields.find((field) => field.merge_tag === tag)!.id;
    await app.api('PATCH', `/v1/fields/${id('plan')}`, {
      label: 'Plan',
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Pro,Team',
    });
    await app.api('PATCH', `/v1/fields/${id('interests')}`, {
      label: 'Interests',
      merge_tag: 'interests',
      type: 'DROPDOWN_MULTIPLE',
      definition: 'Golf,Chess',
    });
  }

  it('shows as such, never blocks another change, and is left as it is', async () => {
    const app = await workspace();
    await removeOptions(app);
    await openEdit(app);
    const select = screen.getByRole('combobox', { name: 'Plan' });
    expect(select).toHaveValue('Starter');
    expect(within(select).getByRole('option', { name: 'Starter (no longer an option)' })).toBeInTheDocument();
    expect(screen.getByText('Opera (no longer an option)')).toBeInTheDocument();
    await retype(app, 'Company', 'Acme');
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ company: 'Acme', plan: 'Starter', interests: ['Golf', 'Opera'] });
    expect(writes(app).map((request) => request.body)).toEqual([
      { email_address: EMAIL, partial_update: true, fields: { company: 'Acme' } },
    ]);
  });

  it('must be a current option once the admin changes that input', async () => {
    const app = await workspace();
    await removeOptions(app);
    await openEdit(app);
    await app.user.click(screen.getByRole('button', { name: 'Remove Golf' }));
    await save(app);
    expect(await screen.findByText('Remove what is no longer an option: Opera.')).toBeInTheDocument();
    expect(writes(app)).toEqual([]);
    await app.user.click(screen.getByRole('button', { name: 'Remove Opera' }));
    await save(app);
    await saved();
    expect((await stored(app)).data.interests).toBeUndefined();
  });
});

describe('what the review of the merge found', () => {
  it('shows a choice that arrived elsewhere, after a merge, even when the form’s list does not have it yet', async () => {
    const app = await workspace();
    await openEdit(app);
    const plan = (await app.api('GET', '/v1/fields')).body.data.find(
      (field: { merge_tag: string }) => field.merge_tag === 'plan',
    );
    await app.api('PATCH', `/v1/fields/${plan.id}`, {
      label: 'Plan',
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Starter,Pro,Team,Enterprise',
    });
    await elsewhere(app, { plan: 'Enterprise', company: 'Globex' });
    await retype(app, 'Company', 'Acme');
    await save(app);
    await screen.findByText('Nothing was saved: this contact was changed elsewhere meanwhile.');
    const select = screen.getByRole('combobox', { name: 'Plan' });
    expect(select).toHaveValue('Enterprise');
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(
      'Enterprise (no longer an option)',
    );
  });

  it('a field that arrives while the form is open is no change of the admin’s', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Company', 'Acme');
    await app.api('POST', '/v1/fields', { label: 'Region', merge_tag: 'region', type: 'TEXT' });
    await elsewhere(app, { region: 'North' });
    // The save is refused for a field the form does not have; the form then shows the fresh list.
    app.answerNext(({ path }) =>
      path === '/v1/contacts/upsert'
        ? json(400, { error: { message: 'We were unable to find a field with the merge_tag region' } })
        : undefined,
    );
    await save(app);
    expect(await screen.findByRole('textbox', { name: 'Region' })).toBeInTheDocument();
    await save(app);
    await saved();
    expect((await stored(app)).data).toMatchObject({ company: 'Acme', region: 'North' });
    expect(writes(app).at(-1)!.body).toEqual({
      email_address: EMAIL,
      partial_update: true,
      fields: { company: 'Acme' },
    });
  });

  it('a new address rewrites the whole record with every field, even one added since the form opened', async () => {
    const app = await workspace();
    await openEdit(app);
    await app.api('POST', '/v1/fields', { label: 'Region', merge_tag: 'region', type: 'TEXT' });
    await elsewhere(app, { region: 'North' });
    await retype(app, 'Email Address', 'jane.doe@example.com');
    await save(app);
    await screen.findByText('Changes to jane.doe@example.com saved.');
    const moved = (await app.api('GET', '/v1/contacts/by-email?email=jane.doe@example.com')).body.data;
    expect(moved.data).toMatchObject({ company: 'Initech', region: 'North', plan: 'Starter' });
  });

  it('after a new address was written and its answer lost, Try again finds the save done', async () => {
    const app = await workspace();
    await openEdit(app);
    await retype(app, 'Email Address', 'jane.doe@example.com');
    app.answerNext(async ({ method, path, body }) => {
      if (method !== 'PUT') return undefined;
      await app.api('PUT', path, body);
      throw new TypeError('Failed to fetch');
    });
    await save(app);
    await app.user.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByText('Changes to jane.doe@example.com saved.');
    expect(app.requests.filter((request) => request.startsWith('PUT '))).toHaveLength(1);
  });

  it('says there is nothing to save when nothing changed, and sends nothing', async () => {
    const app = await workspace();
    await openEdit(app);
    await app.user.click(screen.getByRole('button', { name: 'Remove Golf' }));
    await app.user.type(screen.getByRole('combobox', { name: 'Interests' }), 'golf{Enter}');
    await save(app);
    expect(await screen.findByText('Nothing to save: no value was changed.')).toBeInTheDocument();
    expect(writes(app)).toEqual([]);
  });
});

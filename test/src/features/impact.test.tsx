/** Destructive changes say how many contacts they touch, counted by the API, before they are made. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderApp, type RenderedApp } from '../render-app.tsx';

async function workspace() {
  const app = renderApp('/fields');
  const plan = await app.api('POST', '/v1/fields', {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: 'Starter,Pro,Team',
  });
  const topics = await app.api('POST', '/v1/fields', {
    label: 'Topics',
    merge_tag: 'topics',
    type: 'DROPDOWN_MULTIPLE',
    definition: 'News,Deals,Events',
  });
  const vip = await app.api('POST', '/v1/tags', { name: 'vip' });
  // 16 hold Starter, 3 hold Pro, 2 have no plan; 5 have Deals among their topics; 4 are vip.
  for (let index = 0; index < 21; index++) {
    const plan = index < 16 ? 'Starter' : index < 19 ? 'Pro' : undefined;
    const fields = {
      email_address: `c${index}@example.com`,
      ...(plan ? { plan } : {}),
      ...(index < 5 ? { topics: ['News', 'Deals'] } : {}),
    };
    const created = await app.api('POST', '/v1/contacts', {
      fields,
      status: 'SUBSCRIBED',
      tags: index < 4 ? [vip.body.data.id] : [],
    });
    expect(created.status).toBe(201);
  }
  return { app, plan: plan.body.data, topics: topics.body.data, vip: vip.body.data };
}

const counts = (app: RenderedApp) =>
  app.sent.filter((request) => request.path === '/v1/contacts/search').map((request) => request.body);

async function removeOption(app: RenderedApp, fieldId: number, option: number) {
  await app.router.navigate(`/fields/${fieldId}/edit`);
  await app.user.click(await screen.findByRole('button', { name: `Remove option ${option}` }));
  await app.user.click(screen.getByRole('button', { name: 'Save field' }));
  return screen.findByRole('dialog');
}

describe('removing or renaming options that contacts hold', () => {
  it('counts the holders of a removed option, and leaves them holding it only when the admin says so', async () => {
    const { app, plan } = await workspace();
    const dialog = await removeOption(app, plan.id, 1);
    expect(dialog).toHaveAccessibleName('Change the options of “Plan”?');
    expect(within(dialog).getByText('Counting…')).toBeInTheDocument();
    expect(await within(dialog).findByText('16 contacts hold “Starter”.')).toBeInTheDocument();
    expect(counts(app)).toEqual([
      { fields: [{ merge_tag: 'plan', operator: 'EQUALS', value: 'Starter' }], page: 1, limit: 10 },
    ]);
    // Nothing is decided for the holders yet, so nothing can be saved.
    expect(within(dialog).getByRole('button', { name: 'Save field' })).toBeDisabled();
    await app.user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'The holders of “Starter”' }),
      'Leave them holding “Starter” (no longer an option)',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    expect(
      (await app.api('GET', `/v1/fields`)).body.data.find((field: { id: number }) => field.id === plan.id).definition,
    ).toBe('Pro,Team');
    const held = await app.api('POST', '/v1/contacts/search', {
      fields: [{ merge_tag: 'plan', operator: 'EQUALS', value: 'Starter' }],
    });
    expect(held.body.data.pagination.total_count).toBe(16);
  });

  it('moves the holders of a removed option to another as a job, then takes the option away', async () => {
    const { app, plan } = await workspace();
    const dialog = await removeOption(app, plan.id, 1);
    await within(dialog).findByText('16 contacts hold “Starter”.');
    await app.user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'The holders of “Starter”' }),
      'Move them to “Pro”',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Move the holders of “Starter” in Plan' });
    const id = Number(app.router.state.location.pathname.split('/').pop());
    await waitFor(async () => expect((await app.api('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
      timeout: 10_000,
    });
    const pro = await app.api('POST', '/v1/contacts/search', {
      fields: [{ merge_tag: 'plan', operator: 'EQUALS', value: 'Pro' }],
    });
    expect(pro.body.data.pagination.total_count).toBe(19);
    expect(
      (await app.api('GET', `/v1/fields`)).body.data.find((field: { id: number }) => field.id === plan.id).definition,
    ).toBe('Pro,Team');
  });

  it('moves a renamed option’s holders to the new name, and counts a multiple choice by what it contains', async () => {
    const { app, topics } = await workspace();
    await app.router.navigate(`/fields/${topics.id}/edit`);
    const option = await screen.findByRole('textbox', { name: 'Option 2' });
    await app.user.clear(option);
    await app.user.type(option, 'Offers');
    await app.user.click(screen.getByRole('button', { name: 'Save field' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the options of “Topics”?' });
    expect(await within(dialog).findByText('5 contacts hold “Deals”.')).toBeInTheDocument();
    expect(counts(app)).toEqual([
      { fields: [{ merge_tag: 'topics', operator: 'CONTAINS', value: ['Deals'] }], page: 1, limit: 10 },
    ]);
    expect(within(dialog).getByRole('combobox', { name: 'The holders of “Deals”' })).toHaveDisplayValue(
      'Move them to “Offers”',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Move the holders of “Deals” in Topics' });
    const id = Number(app.router.state.location.pathname.split('/').pop());
    await waitFor(async () => expect((await app.api('GET', `/api/jobs/${id}`)).body.data.state).toBe('done'), {
      timeout: 10_000,
    });
    const c0 = await app.api('GET', '/v1/contacts/by-email?email=c0@example.com');
    expect(c0.body.data.data.topics).toEqual(['News', 'Offers']);
  });

  it('Cancel saves nothing and keeps the edit', async () => {
    const { app, plan } = await workspace();
    const dialog = await removeOption(app, plan.id, 3);
    expect(await within(dialog).findByText('No contact holds “Team”.')).toBeInTheDocument();
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('textbox', { name: 'Option 3' })).toBeNull();
    expect(
      (await app.api('GET', `/v1/fields`)).body.data.find((field: { id: number }) => field.id === plan.id).definition,
    ).toBe('Starter,Pro,Team');
  });

  it('an edit that keeps every option asks nothing', async () => {
    const { app, plan } = await workspace();
    await app.router.navigate(`/fields/${plan.id}/edit`);
    const label = await screen.findByRole('textbox', { name: 'Label' });
    await app.user.type(label, ' level');
    await app.user.type(screen.getByRole('textbox', { name: 'New option' }), 'Enterprise{Enter}');
    // Removed and added again, under the same name: still an option.
    await app.user.click(screen.getByRole('button', { name: 'Remove option 1' }));
    await app.user.type(screen.getByRole('textbox', { name: 'New option' }), 'Starter{Enter}');
    await app.user.click(screen.getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    expect(counts(app)).toEqual([]);
  });

  it('says when it could not count, and counts again on Try again', async () => {
    const { app, plan } = await workspace();
    app.answerNext(({ path }) =>
      path === '/v1/contacts/search' ? json(500, { error: { message: 'Internal error' } }) : undefined,
    );
    const dialog = await removeOption(app, plan.id, 1);
    const retry = await within(dialog).findByRole('button', { name: 'Try again' });
    expect(within(dialog).getByText('Could not count.')).toBeInTheDocument();
    await app.user.click(retry);
    expect(await within(dialog).findByText(/^16 contacts hold “Starter”\./)).toBeInTheDocument();
  });
});

describe('deleting a field or a tag', () => {
  it('the field dialog says how many contacts have a value in it', async () => {
    const { app } = await workspace();
    await app.router.navigate('/fields');
    await app.user.click(await screen.findByRole('button', { name: 'Delete Plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the field “Plan”?' });
    expect(await within(dialog).findByText('19 contacts have a value in “Plan”.')).toBeInTheDocument();
    expect(counts(app)).toEqual([{ fields: [{ merge_tag: 'plan', operator: 'EXISTS' }], page: 1, limit: 10 }]);
  });

  it('the tag dialog says how many contacts have the tag', async () => {
    const { app } = await workspace();
    await app.router.navigate('/tags');
    await app.user.click(await screen.findByRole('button', { name: 'Delete vip' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the tag “vip”?' });
    expect(
      await within(dialog).findByText('4 contacts have this tag. Deleting it takes it off every one.'),
    ).toBeInTheDocument();
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete tag' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const one = await app.api('GET', '/v1/contacts/by-email?email=c0@example.com');
    expect(one.body.data.tags).toEqual([]);
  });
});

describe('caches follow the data', () => {
  it('a field change makes every contact read stale: the list reads again at once, within its fresh time', async () => {
    const { app, plan } = await workspace();
    await app.router.navigate('/contacts');
    await screen.findByRole('table');
    const searches = () => app.sent.filter((request) => request.path === '/v1/contacts/search').length;
    const before = searches();
    await app.router.navigate(`/fields/${plan.id}/edit`);
    const tag = await screen.findByRole('textbox', { name: 'Merge tag' });
    await app.user.clear(tag);
    await app.user.type(tag, 'tier');
    await app.user.click(screen.getByRole('button', { name: 'Save field' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    await app.router.navigate('/contacts');
    await waitFor(() => expect(searches()).toBe(before + 1));
  });
});

describe('a second save while one runs', () => {
  it('is no success: the field form waits for the first, and shows its failure', async () => {
    const app = renderApp('/fields/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Region');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    let fail = () => {};
    app.answerNext(({ method }) =>
      method === 'POST'
        ? new Promise<Response>(
            (resolve) => (fail = () => resolve(json(500, { error: { message: 'Internal error' } }))),
          )
        : undefined,
    );
    const label = screen.getByRole('textbox', { name: 'Label' });
    await app.user.click(screen.getByRole('button', { name: 'Create field' }));
    await app.user.type(label, '{Control>}{Enter}{/Control}');
    await app.user.type(label, '{Control>}{Enter}{/Control}');
    expect(app.router.state.location.pathname).toBe('/fields/new');
    expect(screen.queryByText('Field “Region” created.')).toBeNull();
    fail();
    expect(await screen.findByText(/CampaignLark did not save the field/)).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe('/fields/new');
    expect(app.requests.filter((request) => request === 'POST /v1/fields')).toHaveLength(1);
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../../server/sandbox/store.ts';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

/** A workspace with one field of each type, some required, some with defaults. */
async function workspace(app: RenderedApp) {
  const fields = [
    { label: 'Company', merge_tag: 'company', type: 'TEXT', required: true },
    { label: 'Age', merge_tag: 'age', type: 'NUMBER' },
    { label: 'Newsletter', merge_tag: 'newsletter', type: 'BOOLEAN', default_value: 'true' },
    { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
    {
      label: 'Plan',
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Free,Pro,Team',
      default_value: 'Pro',
      required: true,
    },
    { label: 'Interests', merge_tag: 'interests', type: 'DROPDOWN_MULTIPLE', definition: 'Golf,Chess,Opera' },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY', default_value: 'GB' },
    { label: 'Type', merge_tag: 'type', type: 'TEXT' },
  ];
  for (const field of fields) expect((await app.api('POST', '/v1/fields', field)).status).toBe(201);
}

async function openForm(store?: Store) {
  const app = renderApp('/fields', { store });
  await workspace(app);
  await app.router.navigate('/contacts/new');
  await screen.findByRole('textbox', { name: 'Email Address' });
  return app;
}

const contacts = async (app: RenderedApp) =>
  (await app.api('POST', '/v1/contacts/search', { limit: 250 })).body.data.contacts;
const sent = (app: RenderedApp) => app.requests.filter((request) => request === 'POST /v1/contacts');
const email = () => screen.getByRole('textbox', { name: 'Email Address' });
const company = () => screen.getByRole('textbox', { name: 'Company' });

async function fillRequired(app: RenderedApp, address = 'ann@example.com') {
  await app.user.type(email(), address);
  await app.user.type(company(), 'Acme');
}

describe('the generated form', () => {
  it('has one input per field in order, named by its label, marked when required, with its merge tag and default', async () => {
    await openForm();
    const inputs = [
      screen.getByRole('textbox', { name: 'Email Address' }),
      screen.getByRole('textbox', { name: 'First Name' }),
      screen.getByRole('textbox', { name: 'Last Name' }),
      screen.getByRole('textbox', { name: 'Company' }),
      screen.getByRole('textbox', { name: 'Age' }),
      screen.getByRole('checkbox', { name: 'Newsletter' }),
      screen.getByLabelText('Birthday'),
      screen.getByRole('combobox', { name: 'Plan' }),
      screen.getByRole('combobox', { name: 'Interests' }),
      screen.getByRole('combobox', { name: 'Country' }),
      screen.getByRole('textbox', { name: 'Type' }),
    ];
    for (let i = 1; i < inputs.length; i++) {
      expect(inputs[i - 1]!.compareDocumentPosition(inputs[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(email()).toHaveAttribute('aria-required', 'true');
    expect(company()).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('textbox', { name: 'Age' })).not.toHaveAttribute('aria-required');
    expect(company()).toHaveAccessibleDescription('Merge tag contact.company');
    expect(screen.getByRole('checkbox', { name: 'Newsletter' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Pro');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('United Kingdom');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('SUBSCRIBED');
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveAttribute('inputmode', 'decimal');
  });

  it('sends every value encoded as the contract says, leaves empty ones out, and shows what was saved', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('textbox', { name: 'First Name' }), 'Ann');
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), '-41.5');
    await app.user.click(screen.getByRole('checkbox', { name: 'Newsletter' }));
    fireEvent.change(screen.getByLabelText('Birthday'), { target: { value: '1984-02-29' } });
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Team');
    await app.user.type(screen.getByRole('combobox', { name: 'Interests' }), 'ch{Enter}go{Enter}');
    await app.user.clear(screen.getByRole('combobox', { name: 'Country' }));
    await app.user.type(screen.getByRole('combobox', { name: 'Country' }), 'DE{Enter}');
    await app.user.type(screen.getByRole('textbox', { name: 'Type' }), 'Retail');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNCONFIRMED');
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'news{Enter}');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));

    const saved = await screen.findByRole('region', { name: 'Contact saved' });
    expect(saved).toHaveTextContent('ann@example.com');
    expect(saved).toHaveTextContent('Unconfirmed');
    expect(saved).toHaveTextContent('newsletter');
    const [contact] = await contacts(app);
    expect(contact).toMatchObject({
      status: 'UNCONFIRMED',
      tags: [{ id: 1, name: 'newsletter' }],
      data: {
        email_address: 'ann@example.com',
        first_name: 'Ann',
        company: 'Acme',
        age: -41.5,
        newsletter: false,
        birthday: '1984-02-29',
        plan: 'Team',
        interests: ['Chess', 'Golf'],
        country: 'DE',
        type: 'Retail',
      },
    });
    expect(Object.keys(contact.data)).not.toContain('last_name');
  });

  it('checks before sending: errors at their inputs, focus on the first, nothing sent', async () => {
    const app = await openForm();
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), 'forty');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(email()).toHaveFocus();
    expect(email()).toHaveAccessibleDescription(expect.stringContaining('Email Address is required.'));
    expect(company()).toHaveAccessibleDescription(expect.stringContaining('Company is required.'));
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a number, such as 42 or -3.5.'),
    );
    await app.user.type(email(), 'ann@example');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(email()).toHaveAccessibleDescription(
      expect.stringContaining('Enter an email address, such as name@example.com.'),
    );
    expect(sent(app)).toEqual([]);
  });

  it('says what each status means, and that UNCONFIRMED sends the double opt-in email', async () => {
    const app = await openForm();
    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(
      within(status)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Subscribed', 'Unsubscribed', 'Unconfirmed', 'Cleaned', 'Complained']);
    expect(status).toHaveAccessibleDescription(/Receives your campaigns\. No automation runs/);
    await app.user.selectOptions(status, 'UNCONFIRMED');
    expect(status).toHaveAccessibleDescription(
      /double opt-in confirmation email \(the “Contact Subscribed \(Pending\)” automation\)/,
    );
  });
});

describe('tags', () => {
  it('offers every tag of every page, and creates a missing one inline', async () => {
    const store = openStore(':memory:');
    for (let n = 1; n <= 110; n++)
      store.db.prepare('INSERT INTO tags (name, name_key) VALUES (?, ?)').run(`bulk ${n}`, `bulk ${n}`);
    const app = await openForm(store);
    await fillRequired(app);
    const tags = screen.getByRole('combobox', { name: 'Tags' });
    await app.user.type(tags, 'bulk 110');
    expect(
      within(screen.getByRole('listbox', { name: 'Tags' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['bulk 110']);
    await app.user.keyboard('{Enter}');
    await app.user.type(tags, 'Trade fair 2026');
    expect(
      within(screen.getByRole('listbox', { name: 'Tags' })).getByRole('option', {
        name: 'Create tag “Trade fair 2026”',
      }),
    ).toBeInTheDocument();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove Trade fair 2026' })).toBeInTheDocument());
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('region', { name: 'Contact saved' });
    const [contact] = await contacts(app);
    expect(contact.tags.map((tag: { name: string }) => tag.name)).toEqual(['bulk 110', 'Trade fair 2026']);
  });
});

describe("the API's messages, inline", () => {
  it('puts a taken email at the email input', async () => {
    const app = await openForm();
    const existing = await app.api('POST', '/v1/contacts', {
      fields: { email_address: 'ann@example.com', company: 'X', plan: 'Pro' },
      status: 'SUBSCRIBED',
    });
    expect(existing.status).toBe(201);
    await fillRequired(app);
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(email()).toHaveAccessibleDescription(
        expect.stringContaining('A contact with this email address already exists.'),
      ),
    );
    expect(email()).toHaveFocus();
  });

  it('puts status messages at Status', async () => {
    const app = await openForm();
    await fillRequired(app);
    app.answerNext(({ method }) =>
      method === 'POST' ? json(400, { error: { message: 'The status you provided is not valid.' } }) : undefined,
    );
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveAccessibleDescription(
        expect.stringContaining('The status you provided is not valid.'),
      ),
    );
  });

  it('puts an unknown tag at Tags when another admin deleted it meanwhile', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    await app.api('DELETE', '/v1/tags/2');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Tags' })).toHaveAccessibleDescription(
        expect.stringContaining('Tag ID 2 does not exist in this workspace'),
      ),
    );
  });

  it('turns a required field another admin added after the form loaded into a new input with the error', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), '30');
    await app.api('POST', '/v1/fields', {
      label: 'Loyalty tier',
      merge_tag: 'loyalty',
      type: 'DROPDOWN_SINGLE',
      definition: 'Bronze,Gold',
      required: true,
    });
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    const tier = await screen.findByRole('combobox', { name: 'Loyalty tier' });
    await waitFor(() =>
      expect(tier).toHaveAccessibleDescription(expect.stringContaining("Field 'Loyalty tier' is required.")),
    );
    await waitFor(() => expect(tier).toHaveFocus());
    expect(screen.getByText('The workspace’s fields changed while you were filling in the form.')).toBeInTheDocument();
    expect(email()).toHaveValue('ann@example.com');
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('30');
    await app.user.selectOptions(tier, 'Gold');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('region', { name: 'Contact saved' });
    expect((await contacts(app))[0].data).toMatchObject({ loyalty: 'Gold', age: 30 });
  });

  it('refetches the fields when one was deleted meanwhile, says so, and keeps the values', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('textbox', { name: 'Type' }), 'Retail');
    const typeField = (await app.api('GET', '/v1/fields')).body.data.find(
      (field: { merge_tag: string }) => field.merge_tag === 'type',
    );
    await app.api('DELETE', `/v1/fields/${typeField.id}`);
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(
      await screen.findByText('The workspace’s fields changed while you were filling in the form.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/We were unable to find a field with the merge_tag type/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Type' })).toBeNull());
    expect(email()).toHaveValue('ann@example.com');
    expect(company()).toHaveValue('Acme');
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('region', { name: 'Contact saved' });
  });
});

describe('when the API or the network fails, every value is kept', () => {
  it.each([
    [
      '401',
      () => json(401, { error: { message: 'The API key you provided is invalid or has been revoked.' } }),
      'The contact was not saved.',
      /revoked.*CAMPAIGNLARK_API_KEY/,
    ],
    [
      '403',
      () => json(403, { error: { message: 'Your IP address is not authorized to use this API key.' } }),
      'The contact was not saved.',
      /IP address is not authorized/,
    ],
    [
      '429 that persists through the automatic retries',
      () => json(429, {}, { 'retry-after': '0' }),
      'The contact was not saved.',
      /Send again in a few seconds/,
    ],
    [
      '500',
      () => json(500, { error: { message: 'Internal error' } }),
      'Lark Admin cannot tell whether the contact was saved.',
      /Internal error.*Sending again is safe/,
    ],
    [
      'a dropped connection',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'Lark Admin cannot tell whether the contact was saved.',
      /could not reach its server/,
    ],
    [
      'a malformed body',
      () => new Response('<html>oops</html>', { status: 201 }),
      'Lark Admin cannot tell whether the contact was saved.',
      /was not the JSON the API sends/,
    ],
    [
      'a body of the wrong shape',
      () => json(201, { data: { id: 5 } }),
      'Lark Admin cannot tell whether the contact was saved.',
      /did not have the shape the API promises/,
    ],
  ])('%s', async (_, answer, title, text) => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), '52');
    await app.user.type(screen.getByRole('combobox', { name: 'Interests' }), 'op{Enter}');
    app.answerAlways(({ method, path }) => (method === 'POST' && path === '/v1/contacts' ? answer() : undefined));
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    const alert = (await screen.findByText(title)).closest('[role="alert"]')!;
    expect(alert.textContent).toMatch(text);
    expect(email()).toHaveValue('ann@example.com');
    expect(company()).toHaveValue('Acme');
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('52');
    expect(screen.getByRole('button', { name: 'Remove Opera' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save contact' })).toBeEnabled();
  });
});

describe('the banner every page shows', () => {
  it.each([
    [
      '401',
      401,
      'The API key you provided is invalid or has been revoked.',
      /does not accept Lark Admin's API key.*CAMPAIGNLARK_API_KEY/,
    ],
    [
      '403',
      403,
      'Your IP address is not authorized to use this API key.',
      /refuses requests from this server.*Allow this server's IP address/,
    ],
  ])('says what a %s means and what to do', async (_, status, message, text) => {
    const app = await openForm();
    await fillRequired(app);
    app.answerNext(({ method }) => (method === 'POST' ? json(status, { error: { message } }) : undefined));
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').some((alert) => text.test(alert.textContent ?? ''))).toBe(true),
    );
  });

  it('waits as a 429 asks, says so, and sends the write again by itself', async () => {
    const app = await openForm();
    await fillRequired(app);
    app.answerNext(({ method }) => (method === 'POST' ? json(429, {}, { 'retry-after': '1' }) : undefined));
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    const waiting = /asked Lark Admin to slow down\. Trying again by itself in 1 second…/;
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((status) => waiting.test(status.textContent ?? ''))).toBe(true),
    );
    await screen.findByRole('region', { name: 'Contact saved' }, { timeout: 3000 });
    expect(sent(app)).toHaveLength(2);
    expect(await contacts(app)).toHaveLength(1);
    expect(screen.queryByText(/slow down/)).toBeNull();
  });

  it('says when the browser is offline, and clears itself when it is back', async () => {
    await openForm();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(await screen.findByText(/You are offline/)).toBeInTheDocument();
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByText(/You are offline/)).toBeNull());
    online.mockRestore();
  });
});

describe('fast entry', () => {
  it('"Save and add another" starts the next contact from the defaults: Subscribed, no tags, focus on the first input', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.type(screen.getByRole('textbox', { name: 'Age' }), '33');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    await screen.findByRole('button', { name: 'Remove customer' });
    await app.user.click(screen.getByRole('button', { name: 'Save and add another' }));
    await waitFor(() => expect(email()).toHaveValue(''));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Contact ann@example.com saved. The next one will be Subscribed.',
    );
    await waitFor(() => expect(email()).toHaveFocus());
    expect(company()).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Plan' })).toHaveValue('Pro');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('SUBSCRIBED');
    expect(screen.queryByRole('button', { name: 'Remove customer' })).toBeNull();
    await fillRequired(app, 'bob@example.com');
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('region', { name: 'Contact saved' });
    const saved = await contacts(app);
    expect(
      saved.map((contact: { data: { email_address: string }; status: string; tags: unknown[] }) => [
        contact.data.email_address,
        contact.status,
        contact.tags.length,
      ]),
    ).toEqual([
      ['ann@example.com', 'UNSUBSCRIBED', 1],
      ['bob@example.com', 'SUBSCRIBED', 0],
    ]);
  });

  it('"Keep status and tags for the next one" keeps them, and the message names the status', async () => {
    const app = await openForm();
    await fillRequired(app);
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'UNSUBSCRIBED');
    await app.user.type(screen.getByRole('combobox', { name: 'Tags' }), 'cust{Enter}');
    await screen.findByRole('button', { name: 'Remove customer' });
    await app.user.click(screen.getByRole('checkbox', { name: 'Keep status and tags for the next one' }));
    await app.user.click(screen.getByRole('button', { name: 'Save and add another' }));
    await waitFor(() => expect(email()).toHaveValue(''));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Contact ann@example.com saved. The next one will be Unsubscribed.',
    );
    expect(company()).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('UNSUBSCRIBED');
    expect(screen.getByRole('button', { name: 'Remove customer' })).toBeInTheDocument();

    // The next contact's draft keeps them through a reload.
    await app.user.type(email(), 'bob@example.com');
    await waitFor(() =>
      expect(localStorage.getItem('lark-admin:contact-draft:sandbox:new:by:local')).toContain('bob@example.com'),
    );
    cleanup();
    renderApp('/contacts/new', { store: app.store });
    expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('bob@example.com');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('UNSUBSCRIBED');
    expect(screen.getByRole('button', { name: 'Remove customer' })).toBeInTheDocument();
  });

  it('stays busy while saving, so a second press sends nothing more', async () => {
    const app = await openForm();
    await fillRequired(app);
    let release = () => {};
    app.answerNext(({ method }) =>
      method === 'POST' ? new Promise<undefined>((resolve) => (release = () => resolve(undefined))) : undefined,
    );
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save and add another' })).toBeDisabled();
    await app.user.keyboard('{Control>}{Enter}{/Control}');
    release();
    await screen.findByRole('region', { name: 'Contact saved' });
    expect(sent(app)).toHaveLength(1);
  });
});

describe('the draft', () => {
  it('survives a reload until sent, and can be discarded', async () => {
    const store = openStore(':memory:');
    let app = await openForm(store);
    await app.user.type(email(), 'draft@example.com');
    await app.user.type(screen.getByRole('combobox', { name: 'Interests' }), 'golf{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    cleanup();

    app = renderApp('/contacts/new', { store });
    expect(await screen.findByText('Your unsent entries were restored.')).toBeInTheDocument();
    expect(email()).toHaveValue('draft@example.com');
    expect(screen.getByRole('button', { name: 'Remove Golf' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Discard them' }));
    expect(email()).toHaveValue('');
    cleanup();

    app = renderApp('/contacts/new', { store });
    await screen.findByRole('textbox', { name: 'Email Address' });
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
  });

  it('is gone once the contact is sent', async () => {
    const store = openStore(':memory:');
    const app = await openForm(store);
    await fillRequired(app);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByRole('region', { name: 'Contact saved' });
    cleanup();
    renderApp('/contacts/new', { store });
    await screen.findByRole('textbox', { name: 'Email Address' });
    expect(email()).toHaveValue('');
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
  });

  it('is kept per workspace mode: a sandbox draft never shows in a live workspace', async () => {
    const store = openStore(':memory:');
    const app = await openForm(store);
    await app.user.type(email(), 'sandbox@example.com');
    await new Promise((resolve) => setTimeout(resolve, 300));
    cleanup();
    const live = renderApp('/contacts/new', { store });
    live.answerNext(({ path }) => (path === '/api/status' ? json(200, { mode: 'live' }) : undefined));
    await screen.findByRole('textbox', { name: 'Email Address' });
    expect(email()).toHaveValue('');
  });
});

describe('trying again after a failure', () => {
  it('sends again from the alert once the server is back, with the values kept', async () => {
    const app = await openForm();
    await fillRequired(app);
    app.answerNext(({ method }) => (method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    const alert = (await screen.findByText('Lark Admin cannot tell whether the contact was saved.')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    await app.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('region', { name: 'Contact saved' });
    expect(
      (await contacts(app)).map((contact: { data: { email_address: string } }) => contact.data.email_address),
    ).toEqual(['ann@example.com']);
  });
});

describe('a workspace of many fields', () => {
  it('shows the first inputs at once, the rest as they arrive, and a Save before then still checks every field', async () => {
    const app = renderApp('/fields');
    const tags = Array.from(
      { length: 150 },
      (_, n) => `f_${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`,
    );
    for (const [n, tag] of tags.entries()) {
      const field = { label: `Field ${n}`, merge_tag: tag, type: 'TEXT', required: n === tags.length - 1 };
      expect((await app.api('POST', '/v1/fields', field)).status).toBe(201);
    }
    await app.router.navigate('/contacts/new');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Email Address' }), {
      target: { value: 'ann@example.com' },
    });
    // Saved before the last inputs exist: they are rendered first, so the error can take the focus.
    expect(screen.queryByRole('textbox', { name: 'Field 149' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('form', { name: 'New contact' }), { key: 'Enter', ctrlKey: true });
    // A long form's summary takes the focus; its link leads to the input, which exists by then.
    const summary = await screen.findByRole('heading', { name: 'There is a problem with 1 input' });
    await waitFor(() => expect(summary.parentElement).toHaveFocus());
    expect(screen.getAllByRole('textbox', { name: /^Field \d+$/ })).toHaveLength(150);
    fireEvent.click(screen.getByRole('link', { name: 'Field 149: Field 149 is required.' }));
    expect(screen.getByRole('textbox', { name: 'Field 149' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Field 149' })).toHaveAccessibleDescription('Field 149 is required.');
    expect(sent(app)).toEqual([]);
  });

  it('fills in the tail by itself', async () => {
    const app = renderApp('/fields');
    for (let n = 0; n < 100; n++) {
      const tag = `f_${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`;
      expect(
        (await app.api('POST', '/v1/fields', { label: `Field ${n}`, merge_tag: tag, type: 'NUMBER' })).status,
      ).toBe(201);
    }
    await app.router.navigate('/contacts/new');
    expect(await screen.findByRole('textbox', { name: 'Field 99' })).toBeInTheDocument();
  });
});

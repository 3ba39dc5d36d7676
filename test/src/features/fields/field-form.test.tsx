import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setTransferInProgress } from '../../../server/sandbox-client.ts';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

const fieldsOf = async (app: RenderedApp) =>
  (await app.api('GET', '/v1/fields')).body.data as Record<string, unknown>[];
const last = async (app: RenderedApp) => (await fieldsOf(app)).at(-1)!;

async function openNewField() {
  const app = renderApp('/fields/new');
  await screen.findByRole('textbox', { name: 'Label' });
  return app;
}

async function addOptions(app: RenderedApp, ...options: string[]) {
  for (const option of options) {
    await app.user.type(screen.getByRole('textbox', { name: 'New option' }), `${option}{Enter}`);
  }
}

const submit = (app: RenderedApp, name = 'Create field') => app.user.click(screen.getByRole('button', { name }));

/** Waits until the form has gone back to the list, and returns the confirmation shown there. */
async function confirmation() {
  await screen.findByRole('heading', { level: 1, name: 'Fields' });
  return screen.getByRole('status');
}

describe('creating a field of each type', () => {
  it('TEXT, required, with a default', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Company');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Default value' }), 'Acme');
    await app.user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await submit(app);
    expect(await confirmation()).toHaveTextContent('Field “Company” created.');
    expect(await last(app)).toMatchObject({
      label: 'Company',
      merge_tag: 'company',
      type: 'TEXT',
      definition: '',
      default_value: 'Acme',
      required: true,
    });
    expect(within(screen.getByRole('table')).getByRole('rowheader', { name: 'Company' })).toBeInTheDocument();
  });

  it('NUMBER with a negative decimal default', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Balance');
    await app.user.click(screen.getByRole('radio', { name: 'Number' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Default value' }), '-12.50');
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({
      merge_tag: 'balance',
      type: 'NUMBER',
      default_value: '-12.5',
      required: false,
    });
  });

  it('BOOLEAN with a ticked default', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Likes cats');
    await app.user.click(screen.getByRole('radio', { name: 'Yes / no' }));
    await app.user.click(screen.getByRole('checkbox', { name: 'Default value' }));
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({ merge_tag: 'likes_cats', type: 'BOOLEAN', default_value: 'true' });
  });

  it('DATE with a default', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Renewal');
    await app.user.click(screen.getByRole('radio', { name: 'Date' }));
    fireEvent.change(screen.getByLabelText('Default value'), { target: { value: '2027-01-31' } });
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({ merge_tag: 'renewal', type: 'DATE', default_value: '2027-01-31' });
  });

  it('DROPDOWN_SINGLE with options and a default among them', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Plan');
    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await addOptions(app, 'Free', 'Pro', 'Team');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Default value' }), 'Pro');
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Free,Pro,Team',
      default_value: 'Pro',
    });
  });

  it('DROPDOWN_MULTIPLE with two default options chosen by keyboard', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Interests');
    await app.user.click(screen.getByRole('radio', { name: 'Multiple choice' }));
    await addOptions(app, 'Golf', 'Chess', 'Opera');
    const chooser = screen.getByRole('combobox', { name: 'Default value' });
    await app.user.click(chooser);
    await app.user.keyboard('op{Enter}');
    await app.user.keyboard('ch{Enter}');
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({
      merge_tag: 'interests',
      type: 'DROPDOWN_MULTIPLE',
      definition: 'Golf,Chess,Opera',
      default_value: 'Opera,Chess',
    });
  });

  it('COUNTRY with a default found by typing', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Home country');
    await app.user.click(screen.getByRole('radio', { name: 'Country' }));
    await app.user.type(screen.getByRole('combobox', { name: 'Default value' }), 'germ');
    const options = within(screen.getByRole('listbox', { name: 'Default value' })).getAllByRole('option');
    expect(options[0]).toHaveTextContent('Germany');
    await app.user.keyboard('{Enter}');
    expect(screen.getByRole('combobox', { name: 'Default value' })).toHaveValue('Germany');
    await submit(app);
    await confirmation();
    expect(await last(app)).toMatchObject({ merge_tag: 'home_country', type: 'COUNTRY', default_value: 'DE' });
  });
});

describe('the merge tag', () => {
  it('follows the label until edited, folding accents and avoiding tags in use', async () => {
    const app = await openNewField();
    const label = screen.getByRole('textbox', { name: 'Label' });
    const tag = screen.getByRole('textbox', { name: 'Merge tag' });
    await app.user.type(label, 'Café Owner');
    expect(tag).toHaveValue('cafe_owner');
    await app.user.clear(label);
    await app.user.type(label, 'First name');
    expect(tag).toHaveValue('first_name_b');
    await app.user.clear(tag);
    await app.user.type(tag, 'given');
    await app.user.type(label, 's');
    expect(tag).toHaveValue('given');
  });

  it('warns on edit that templates using the old tag stop matching', async () => {
    const app = renderApp('/fields/2/edit');
    const tag = await screen.findByRole('textbox', { name: 'Merge tag' });
    expect(tag).toHaveValue('first_name');
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'X');
    expect(tag).toHaveValue('first_name');
    await app.user.clear(tag);
    await app.user.type(tag, 'given_name');
    expect(tag).toHaveAccessibleDescription(
      /Templates that use contact\.first_name will stop matching; change them to contact\.given_name/,
    );
  });
});

describe('the checks before sending', () => {
  it.each([
    ['an empty label', '', 'Label', 'Enter a label.'],
    ['a label over 32 characters', 'x'.repeat(33), 'Label', 'Keep the label to 32 characters; this one has 33.'],
    ['a label in use, in another case', 'LAST NAME', 'Label', 'Another field is already labelled “Last Name”.'],
  ])('refuses %s at the label', async (_, text, name, message) => {
    const app = await openNewField();
    if (text) await app.user.type(screen.getByRole('textbox', { name: 'Label' }), text);
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    await submit(app);
    const input = screen.getByRole('textbox', { name });
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    expect(app.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it.each([
    ['Shoe', 'Use only lowercase letters a–z and underscores.'],
    ['shoe2', 'Use only lowercase letters a–z and underscores.'],
    ['s', 'A merge tag has at least 2 characters.'],
    ['a_merge_tag_too_long', 'A merge tag has at most 16 characters; this one has 20.'],
    ['last_name', '“last_name” is already the merge tag of “Last Name”.'],
  ])('refuses the merge tag %s', async (tag, message) => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Shoe size');
    await app.user.clear(screen.getByRole('textbox', { name: 'Merge tag' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Merge tag' }), tag);
    await app.user.click(screen.getByRole('radio', { name: 'Number' }));
    await submit(app);
    expect(screen.getByRole('textbox', { name: 'Merge tag' })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
    expect(app.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('asks for a type', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Shoe size');
    await submit(app);
    expect(screen.getByRole('group', { name: 'Type' })).toHaveAccessibleDescription('Choose a type.');
  });

  it('refuses empty, repeated and comma options at the option, and fewer than two', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Size');
    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await addOptions(app, 'Small');
    await submit(app);
    expect(screen.getByText('Add at least 2 options.')).toHaveAttribute('role', 'alert');

    await addOptions(app, 'Large', 'Medium');
    await app.user.clear(screen.getByRole('textbox', { name: 'Option 2' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Option 2' }), 'small ');
    await app.user.clear(screen.getByRole('textbox', { name: 'Option 3' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Option 3' }), 'M, L');
    await submit(app);
    expect(screen.getByRole('textbox', { name: 'Option 2' })).toHaveAccessibleDescription(
      '“Small” is already an option.',
    );
    expect(screen.getByRole('textbox', { name: 'Option 3' })).toHaveAccessibleDescription(
      'An option cannot contain a comma: CampaignLark separates options with commas.',
    );
    await app.user.clear(screen.getByRole('textbox', { name: 'Option 2' }));
    await submit(app);
    expect(screen.getByRole('textbox', { name: 'Option 2' })).toHaveAccessibleDescription(
      'Enter the option, or remove it.',
    );
    expect(app.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('refuses a repeated or comma option typed into New option, keeping the text', async () => {
    const app = await openNewField();
    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await addOptions(app, 'Red');
    const draft = screen.getByRole('textbox', { name: 'New option' });
    await app.user.type(draft, 'RED{Enter}');
    expect(draft).toHaveAccessibleDescription(expect.stringContaining('“Red” is already an option.'));
    expect(draft).toHaveValue('RED');
    expect(screen.queryByRole('textbox', { name: 'Option 2' })).toBeNull();
  });

  it('refuses a default that is not a number, and one no longer among the options', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Size');
    await app.user.click(screen.getByRole('radio', { name: 'Number' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Default value' }), 'ten');
    await submit(app);
    expect(screen.getByRole('textbox', { name: 'Default value' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter a number, such as 42 or -3.5.'),
    );

    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await addOptions(app, 'S', 'M');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Default value' }), 'M');
    await app.user.click(screen.getByRole('button', { name: 'Remove option 2' }));
    await submit(app);
    expect(screen.getByRole('combobox', { name: 'Default value' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose one of the options in the list.'),
    );
    expect(app.requests.filter((request) => request.startsWith('POST'))).toEqual([]);
  });
});

describe('the options editor', () => {
  it('adds a pasted list, reorders and removes, and sends the options in order', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Colour');
    await app.user.click(screen.getByRole('radio', { name: 'Multiple choice' }));
    await addOptions(app, 'Red');
    await app.user.click(screen.getByRole('textbox', { name: 'New option' }));
    await app.user.paste('Blue, Green\nred\nViolet');
    expect(screen.getByRole('textbox', { name: 'New option' })).toHaveAccessibleDescription(
      expect.stringContaining('Already options, not added again: red.'),
    );
    expect(
      screen.getAllByRole('textbox', { name: /^Option \d$/ }).map((input) => (input as HTMLInputElement).value),
    ).toEqual(['Red', 'Blue', 'Green', 'Violet']);
    await app.user.click(screen.getByRole('button', { name: 'Up: move option 3 up' }));
    await app.user.click(screen.getByRole('button', { name: 'Remove option 4' }));
    await app.user.click(screen.getByRole('button', { name: 'Down: move option 1 down' }));
    await submit(app);
    await confirmation();
    expect((await last(app)).definition).toBe('Green,Red,Blue');
  });
});

describe('the live preview', () => {
  it('shows the input as the contact form will, with label, required mark, merge tag and default', async () => {
    const app = await openNewField();
    const preview = screen.getByRole('complementary', { name: 'Preview' });
    expect(preview).toHaveTextContent('Choose a type to see its input.');
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Plan');
    await app.user.click(screen.getByRole('radio', { name: 'Single choice' }));
    await addOptions(app, 'Free', 'Pro');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Default value' }), 'Pro');
    await app.user.click(screen.getByRole('checkbox', { name: 'Required' }));
    const input = within(preview).getByRole('combobox', { name: 'Plan' });
    expect(input).toHaveValue('Pro');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(within(preview).getByText('*')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription('Merge tag contact.plan');
    expect(
      within(input)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose an option', 'Free', 'Pro']);
  });
});

describe('editing a field', () => {
  it('shows its values, fixes the type with the reason, and saves changes', async () => {
    const app = renderApp('/fields');
    await app.api('POST', '/v1/fields', {
      label: 'Plan',
      merge_tag: 'plan',
      type: 'DROPDOWN_SINGLE',
      definition: 'Free,Pro',
      default_value: 'Pro',
    });
    await app.router.navigate('/fields/4/edit');
    const label = await screen.findByRole('textbox', { name: 'Label' });
    expect(label).toHaveValue('Plan');
    const type = screen.getByRole('group', { name: 'Type' });
    expect(type).toHaveAccessibleDescription(/A field's type cannot be changed/);
    expect(within(type).getByRole('radio', { name: 'Single choice' })).toBeChecked();
    expect(within(type).getByRole('radio', { name: 'Single choice' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Default value' })).toHaveValue('Pro');
    await addOptions(app, 'Team');
    await app.user.clear(label);
    await app.user.type(label, 'Subscription plan');
    await submit(app, 'Save field');
    expect(await confirmation()).toHaveTextContent('Field “Subscription plan” saved.');
    expect((await fieldsOf(app))[3]).toMatchObject({
      label: 'Subscription plan',
      merge_tag: 'plan',
      definition: 'Free,Pro,Team',
      default_value: 'Pro',
    });
  });

  it('explains instead of offering a form for a locked field, or one that does not exist', async () => {
    renderApp('/fields/1/edit');
    expect(await screen.findByText('This field is locked.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Label' })).toBeNull();
  });

  it('says a field that does not exist is not found', async () => {
    renderApp('/fields/99/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Field not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to fields' })).toBeInTheDocument();
  });
});

describe('when CampaignLark still refuses', () => {
  it('finds a label taken by another admin after the list loaded, and puts it at the label', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Loyalty tier');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    await app.api('POST', '/v1/fields', { label: 'loyalty tier', merge_tag: 'tier', type: 'TEXT' });
    await submit(app);
    const label = screen.getByRole('textbox', { name: 'Label' });
    await waitFor(() =>
      expect(label).toHaveAccessibleDescription(
        expect.stringContaining('Another field is already labelled “loyalty tier”.'),
      ),
    );
    expect(label).toHaveValue('Loyalty tier');
    expect(label).toHaveFocus();
  });

  it('quotes "Validation error" and lists its causes when it cannot tell which input, keeping every value', async () => {
    const app = await openNewField();
    setTransferInProgress(app.store, true);
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Loyalty tier');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    await submit(app);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('CampaignLark did not save the field: “Validation error”');
    expect(alert).toHaveTextContent('an import or export is running in the workspace');
    expect(alert).toHaveTextContent('everything you entered is still here');
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Loyalty tier');
    expect(screen.getByRole('textbox', { name: 'Merge tag' })).toHaveValue('loyalty_tier');
  });

  it('puts "The type of the field cannot be changed." at the type', async () => {
    const app = renderApp('/fields/2/edit');
    await screen.findByRole('textbox', { name: 'Label' });
    app.answerNext(({ method }) =>
      method === 'PATCH' ? json(400, { error: { message: 'The type of the field cannot be changed.' } }) : undefined,
    );
    await submit(app, 'Save field');
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Type' })).toHaveAccessibleDescription(
        expect.stringContaining('The type of the field cannot be changed.'),
      ),
    );
  });

  it('shows an immutable refusal as worded', async () => {
    const app = renderApp('/fields/2/edit');
    await screen.findByRole('textbox', { name: 'Label' });
    app.answerNext(({ method }) =>
      method === 'PATCH'
        ? json(400, { error: { message: 'This field is immutable and cannot be updated.' } })
        : undefined,
    );
    await submit(app, 'Save field');
    expect(await screen.findByRole('alert')).toHaveTextContent('“This field is immutable and cannot be updated.”');
  });

  it('says when the field was deleted meanwhile, and offers the list', async () => {
    const app = renderApp('/fields/3/edit');
    await screen.findByRole('textbox', { name: 'Label' });
    await app.api('DELETE', '/v1/fields/3');
    await submit(app, 'Save field');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“We were unable to find the field.”');
    expect(within(alert).getByRole('link', { name: 'See the fields as they are now' })).toHaveAttribute(
      'href',
      '/fields',
    );
  });

  it('keeps the button busy while saving, so a second click sends nothing more', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Nickname');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    let release = () => {};
    app.answerNext(({ method }) =>
      method === 'POST' ? new Promise<undefined>((resolve) => (release = () => resolve(undefined))) : undefined,
    );
    await submit(app);
    const busy = screen.getByRole('button', { name: 'Saving…' });
    expect(busy).toBeDisabled();
    await app.user.click(busy);
    release();
    await confirmation();
    expect(app.requests.filter((request) => request === 'POST /v1/fields')).toHaveLength(1);
    expect((await fieldsOf(app)).filter((field) => field.label === 'Nickname')).toHaveLength(1);
  });

  it('offers to try again after a server failure, keeping every value', async () => {
    const app = await openNewField();
    await app.user.type(screen.getByRole('textbox', { name: 'Label' }), 'Retry me');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    app.answerNext(({ method }) =>
      method === 'POST'
        ? json(502, { error: { message: 'Lark Admin could not reach CampaignLark (ECONNREFUSED).' } })
        : undefined,
    );
    await submit(app);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ECONNREFUSED');
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Retry me');
    await app.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await confirmation()).toHaveTextContent('Field “Retry me” created.');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addSegment } from '../../../server/sandbox-client.ts';
import { openStore } from '../../../../server/sandbox/store.ts';
import { json, renderApp, type RenderedApp } from '../../render-app.tsx';

async function openTags(store = openStore(':memory:')) {
  const app = renderApp('/tags', { store });
  await screen.findByRole('table');
  return app;
}

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const newTag = () => within(screen.getByRole('form', { name: 'New tag' }));
const tagsOf = async (app: RenderedApp) => (await app.api('GET', '/v1/tags?limit=100')).body.data.tags;

describe('the Tags page', () => {
  it('lists the tags of every page', async () => {
    const store = openStore(':memory:');
    for (let n = 1; n <= 130; n++)
      store.db.prepare('INSERT INTO tags (name, name_key) VALUES (?, ?)').run(`bulk ${n}`, `bulk ${n}`);
    await openTags(store);
    expect(names()).toHaveLength(132);
    expect(names().at(-1)).toBe('bulk 130');
  });

  it('creates a tag, says so, and is ready for the next', async () => {
    const app = await openTags();
    await app.user.type(newTag().getByRole('textbox', { name: 'Name' }), 'VIP');
    await app.user.type(newTag().getByRole('textbox', { name: 'Description' }), 'Spends a lot');
    await app.user.click(newTag().getByRole('button', { name: 'Create tag' }));
    await waitFor(() => expect(names()).toContain('VIP'));
    // The save settles once the list shows the new tag; the form then clears itself for the next.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Tag “VIP” created.'));
    expect(newTag().getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(newTag().getByRole('textbox', { name: 'Name' })).toHaveFocus();
    expect((await tagsOf(app)).at(-1)).toMatchObject({ name: 'VIP', description: 'Spends a lot' });
  });

  it.each([
    ['an empty name', '', '', 'Name', 'Enter a name.'],
    ['a name over 64 characters', 'x'.repeat(65), '', 'Name', 'Keep the name to 64 characters; this one has 65.'],
    ['a name in use, in another case', 'NEWSLETTER', '', 'Name', 'There is already a tag “newsletter”.'],
    [
      'a description over 96 characters',
      'ok',
      'y'.repeat(97),
      'Description',
      'Keep the description to 96 characters; this one has 97.',
    ],
  ])('refuses %s before sending', async (_, name, description, input, message) => {
    const app = await openTags();
    if (name) await app.user.type(newTag().getByRole('textbox', { name: 'Name' }), name);
    if (description) await app.user.type(newTag().getByRole('textbox', { name: 'Description' }), description);
    await app.user.click(newTag().getByRole('button', { name: 'Create tag' }));
    expect(newTag().getByRole('textbox', { name: input })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
    expect(newTag().getByRole('textbox', { name: input })).toHaveFocus();
    expect(app.requests.filter((request) => request === 'POST /v1/tags')).toEqual([]);
  });

  it('finds a name taken by another admin meanwhile, and puts it at the name', async () => {
    const app = await openTags();
    await app.user.type(newTag().getByRole('textbox', { name: 'Name' }), 'Trade fair');
    await app.api('POST', '/v1/tags', { name: 'trade fair' });
    await app.user.click(newTag().getByRole('button', { name: 'Create tag' }));
    await waitFor(() =>
      expect(newTag().getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
        expect.stringContaining('There is already a tag “trade fair”.'),
      ),
    );
    expect(newTag().getByRole('textbox', { name: 'Name' })).toHaveValue('Trade fair');
  });

  it('quotes a "Validation error" it cannot place, with its causes, keeping the values', async () => {
    const app = await openTags();
    await app.user.type(newTag().getByRole('textbox', { name: 'Name' }), 'Odd one');
    app.answerNext(({ method }) =>
      method === 'POST' ? json(400, { error: { message: 'Validation error' } }) : undefined,
    );
    await app.user.click(newTag().getByRole('button', { name: 'Create tag' }));
    const alert = await newTag().findByRole('alert');
    expect(alert).toHaveTextContent('CampaignLark did not save the tag: “Validation error”');
    expect(alert).toHaveTextContent('another tag already has the name');
    expect(newTag().getByRole('textbox', { name: 'Name' })).toHaveValue('Odd one');
  });

  it('renames a tag and changes its description in a dialog', async () => {
    const app = await openTags();
    await app.user.click(screen.getByRole('button', { name: 'Edit newsletter' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit the tag “newsletter”' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('newsletter');
    await app.user.clear(name);
    await app.user.type(name, 'Monthly letter');
    await app.user.clear(within(dialog).getByRole('textbox', { name: 'Description' }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Save tag' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await tagsOf(app)).toContainEqual({ id: 1, name: 'Monthly letter', description: '' });
    await waitFor(() => expect(names()).toContain('Monthly letter'));
  });

  it("refuses another tag's name in the dialog, and says when the tag was deleted meanwhile", async () => {
    const app = await openTags();
    await app.user.click(screen.getByRole('button', { name: 'Edit newsletter' }));
    const dialog = screen.getByRole('dialog');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await app.user.clear(name);
    await app.user.type(name, 'Customer');
    await app.user.click(within(dialog).getByRole('button', { name: 'Save tag' }));
    expect(name).toHaveAccessibleDescription(expect.stringContaining('There is already a tag “customer”.'));
    await app.user.clear(name);
    await app.user.type(name, 'Letters');
    await app.api('DELETE', '/v1/tags/1');
    await app.user.click(within(dialog).getByRole('button', { name: 'Save tag' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('We were unable to find the tag.');
  });

  it('deletes a tag after a confirmation, and shows segment refusals as worded', async () => {
    const app = await openTags();
    addSegment(app.store, 'Buyers', { tagIds: [2] });
    await app.user.click(screen.getByRole('button', { name: 'Delete customer' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete the tag “customer”?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete tag' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Cannot delete this tag because it is being used in the 'Buyers' segment.",
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await app.user.click(screen.getByRole('button', { name: 'Delete newsletter' }));
    dialog = screen.getByRole('dialog', { name: 'Delete the tag “newsletter”?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete tag' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Tag “newsletter” deleted.');
    await waitFor(() => expect(names()).toEqual(['customer']));
  });
});

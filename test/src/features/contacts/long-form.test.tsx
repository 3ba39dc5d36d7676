/** A long generated form: find a field, merge tags on request, and an error summary after a failed save. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render-app.tsx';

/** The 3 system fields and 60 more; every tenth required. */
async function openLongForm() {
  const app = renderApp('/fields');
  for (let n = 1; n <= 60; n++) {
    const label = `Answer ${String(n).padStart(2, '0')}`;
    const created = await app.api('POST', '/v1/fields', {
      label,
      merge_tag: `answer_${'abcdefghij'[Math.floor(n / 10) % 10]}${'abcdefghij'[n % 10]}`,
      type: 'TEXT',
      required: n % 10 === 0,
    });
    expect(created.status).toBe(201);
  }
  await app.router.navigate('/contacts/new');
  await screen.findByRole('textbox', { name: 'Email Address' });
  return app;
}

describe('a long contact form', () => {
  it('hides the merge-tag hints until asked, and finds an input by its label', async () => {
    const app = await openLongForm();
    expect(screen.getByRole('textbox', { name: 'Answer 07' })).not.toHaveAccessibleDescription(/Merge tag/);
    await app.user.click(screen.getByRole('checkbox', { name: 'Show merge tags' }));
    expect(screen.getByRole('textbox', { name: 'Answer 07' })).toHaveAccessibleDescription(
      'Merge tag contact.answer_ah',
    );

    await app.user.type(screen.getByRole('combobox', { name: 'Find a field' }), 'answer 57{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Answer 57' })).toHaveFocus());
  });

  it('after a failed save, lists every error at the top, takes the focus there, and links to each input', async () => {
    const app = await openLongForm();
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    const summary = await screen.findByRole('heading', { name: 'There is a problem with 7 inputs' });
    const box = summary.parentElement!;
    await waitFor(() => expect(box).toHaveFocus());
    const links = within(box).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Email Address: Email Address is required.',
      ...[10, 20, 30, 40, 50, 60].map((n) => `Answer ${n}: Answer ${n} is required.`),
    ]);
    await app.user.click(within(box).getByRole('link', { name: 'Answer 40: Answer 40 is required.' }));
    expect(screen.getByRole('textbox', { name: 'Answer 40' })).toHaveFocus();

    // Mending one shortens the list; the focus stays where the admin types.
    await app.user.type(screen.getByRole('textbox', { name: 'Answer 40' }), 'forty');
    expect(await screen.findByRole('heading', { name: 'There is a problem with 6 inputs' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Answer 40' })).toHaveFocus();
  });

  it('is not how a short form looks: no finder, no summary, the first error takes the focus', async () => {
    const app = renderApp('/contacts/new');
    await screen.findByRole('textbox', { name: 'Email Address' });
    expect(screen.queryByRole('combobox', { name: 'Find a field' })).toBeNull();
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Email Address' })).toHaveFocus());
    expect(screen.queryByText(/There is a problem/)).toBeNull();
  });
});

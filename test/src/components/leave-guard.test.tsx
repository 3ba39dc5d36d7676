import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app.tsx';

const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('leaving a changed form', () => {
  it('asks first; Stay keeps every value, Keep as draft goes and brings the entries back, Discard changes drops them', async () => {
    const app = renderApp('/fields/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Half done');
    await app.user.click(within(nav()).getByRole('link', { name: 'Tags' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave this form?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Keep them as a draft in this browser'));
    expect(dialog).not.toHaveTextContent(/without saving/);
    await app.user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.router.state.location.pathname).toBe('/fields/new');
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Half done');

    await app.user.click(within(nav()).getByRole('link', { name: 'Tags' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Keep as draft' }));
    await screen.findByRole('heading', { level: 1, name: 'Tags' });
    await app.router.navigate('/fields/new');
    expect(await screen.findByRole('textbox', { name: 'Label' })).toHaveValue('Half done');
    expect(screen.getByText('Your unsent entries were restored.')).toBeInTheDocument();

    await app.user.click(within(nav()).getByRole('link', { name: 'Tags' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    await screen.findByRole('heading', { level: 1, name: 'Tags' });
    await app.router.navigate('/fields/new');
    expect(await screen.findByRole('textbox', { name: 'Label' })).toHaveValue('');
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
  });

  it('lets an unchanged form go without asking', async () => {
    const app = renderApp('/contacts/new');
    await screen.findByRole('textbox', { name: 'Email Address' });
    await app.user.click(within(nav()).getByRole('link', { name: 'Fields' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not ask once the form is saved', async () => {
    const app = renderApp('/fields/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Saved one');
    await app.user.click(screen.getByRole('radio', { name: 'Text' }));
    await app.user.click(screen.getByRole('button', { name: 'Create field' }));
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks on the contact form too', async () => {
    const app = renderApp('/contacts/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'a@b.co');
    await app.user.click(within(nav()).getByRole('link', { name: 'Fields' }));
    expect(screen.getByRole('dialog', { name: 'Leave this form?' })).toBeInTheDocument();
  });
});

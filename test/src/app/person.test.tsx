/** Who the app acts as: the header's name, role and Sign out, the open-mode banner, the admin's Activity link. */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderApp } from '../render-app.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('the person in the header', () => {
  it('says, with no sign-in set up, that anyone at this computer acts as the admin', async () => {
    renderApp('/fields');
    expect(await screen.findByText('Someone at this computer')).toBeInTheDocument();
    expect(screen.getByText('(Admin)')).toBeInTheDocument();
    expect(screen.getByText(/anyone using this computer can use Lark Admin, as an admin/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Activity' })).toBeInTheDocument();
  });

  it('shows a signed-in person their name, role and Sign out, and no Activity to a viewer', async () => {
    const app = renderApp('/fields', { person: { id: 'v', name: 'Vera Viewer', email: null, role: 'viewer' } });
    app.answerAlways(async ({ path }) =>
      path === '/api/me'
        ? json(200, { id: 'v', name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer', signIn: 'oidc' })
        : undefined,
    );
    expect(await screen.findByText('Vera Viewer')).toBeInTheDocument();
    expect(screen.getByText('(Viewer)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByText(/anyone using this computer/)).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Activity' })).not.toBeInTheDocument();
  });

  it('says a session ended on every page, with a way to sign in again in a new tab', async () => {
    const app = renderApp('/fields');
    app.answerNext(({ path }) =>
      path === '/v1/fields'
        ? json(
            401,
            { error: { message: 'Your session ended. Sign in again; what you typed is kept here.' } },
            { 'x-lark-refusal': 'session' },
          )
        : undefined,
    );
    const link = await screen.findByRole('link', { name: 'Sign in again' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('href', '/auth/login?return=%2Fauth%2Fsigned-in');
    expect(screen.getAllByRole('alert').some((alert) => /Your session ended\./.test(alert.textContent ?? ''))).toBe(
      true,
    );
  });

  it('reads the person again when the server refuses their role, so the page stops offering what it refused', async () => {
    const app = renderApp('/tags');
    let role = 'admin';
    app.answerAlways(({ method, path }) => {
      if (path === '/api/me') return json(200, { id: 'local', name: 'Sam', email: null, role, signIn: 'oidc' });
      if (method === 'POST' && path === '/v1/tags') {
        role = 'editor';
        const message = 'Your role (Editor) cannot change fields or tags.';
        return json(403, { error: { message } }, { 'x-lark-refusal': 'role' });
      }
      return undefined;
    });
    const form = within(await screen.findByRole('form', { name: 'New tag' }));
    await app.user.type(form.getByRole('textbox', { name: 'Name' }), 'VIP');
    await app.user.click(form.getByRole('button', { name: 'Create tag' }));
    expect(await screen.findByText('(Editor)')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New tag' })).not.toBeInTheDocument();
  });
});

/** Signing out with unsent work asks first, and deletes the drafts this browser keeps. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderApp } from '../render-app.tsx';

afterEach(() => vi.unstubAllGlobals());

const ADA = { id: 'ada', name: 'Ada Admin', email: 'ada@example.com', role: 'admin', signIn: 'oidc' };
const OLDER_DRAFT = 'lark-admin:tag-draft:sandbox:new';
const COLUMNS = 'lark-admin:contact-columns';

/** The app signed in with sign-in for teams; `logout` answers the sign-out (200 unless given). */
function signedIn(path: string, logout: () => Response | Promise<Response> = () => json(200, { data: 'Signed out.' })) {
  const app = renderApp(path, { person: { id: 'ada', name: 'Ada Admin', email: null, role: 'admin' } });
  const signOuts: number[] = [];
  app.answerAlways(({ method, path: asked }) => {
    if (asked === '/api/me') return json(200, ADA);
    if (method === 'POST' && asked === '/auth/logout') {
      signOuts.push(Date.now());
      return logout();
    }
    return undefined;
  });
  return { ...app, signOuts };
}

const draftKeys = () => Object.keys(localStorage).filter((key) => key.includes('-draft:'));

describe('signing out', () => {
  it('with a changed form, asks first; Cancel keeps every value and the session', async () => {
    const app = signedIn('/contacts/new');
    const email = await screen.findByRole('textbox', { name: 'Email Address' });
    await app.user.type(email, 'half@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Sign out' }));

    const dialog = await screen.findByRole('dialog', { name: 'Sign out and delete what is not saved?' });
    expect(dialog).toHaveAccessibleDescription(
      'Changes to 1 form are kept in this browser but not saved to CampaignLark. Signing out deletes them, so the next person at this computer cannot read them.',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(email).toHaveValue('half@example.com');
    expect(app.signOuts).toHaveLength(0);
    await waitFor(() => expect(draftKeys()).toEqual(['lark-admin:contact-draft:sandbox:new:by:ada']));
  });

  it('deletes every draft on the way out, asks no more, and writes none behind it', async () => {
    localStorage.setItem(OLDER_DRAFT, JSON.stringify({ savedAt: '2026-11-20T10:00:00Z', form: { name: 'VIP' } }));
    localStorage.setItem(COLUMNS, '["first_name"]');
    const app = signedIn('/contacts/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'half@example.com');
    await app.user.click(screen.getByRole('button', { name: 'Sign out' }));

    const dialog = await screen.findByRole('dialog', { name: 'Sign out and delete what is not saved?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Changes to 2 forms'));
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete and sign out' }));
    await waitFor(() => expect(app.signOuts).toHaveLength(1));
    await waitFor(() => expect(draftKeys()).toEqual([]));
    expect(localStorage.getItem(COLUMNS)).toBe('["first_name"]');

    // The page is left for the "You signed out" page: no browser prompt, and no draft written as it goes.
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(draftKeys()).toEqual([]);
  });

  it('with nothing unsent, signs out at once', async () => {
    const app = signedIn('/contacts');
    await app.user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(app.signOuts).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('with nothing unsent, a failure says why beside the button, which can be pressed again', async () => {
    let down = true;
    const app = signedIn('/contacts', () =>
      down ? json(503, { error: { message: 'The server is restarting.' } }) : json(200, { data: 'Signed out.' }),
    );
    await app.user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing out failed: The server is restarting.');
    down = false;
    await app.user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(app.signOuts).toHaveLength(2));
    expect(screen.queryByText(/Signing out failed/)).toBeNull();
  });

  it('that fails says why in the dialog and deletes nothing', async () => {
    const app = signedIn('/fields/new', () => json(503, { error: { message: 'The server is restarting.' } }));
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Half done');
    await app.user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out and delete what is not saved?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete and sign out' }));
    expect(await within(dialog).findByText('The server is restarting.')).toBeInTheDocument();
    expect(within(dialog).getByText('Signing out failed')).toBeInTheDocument();

    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Half done');
    await waitFor(() => expect(draftKeys()).toEqual(['lark-admin:field-draft:sandbox:new:by:ada']));
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });

  it('cannot be cancelled once under way, since the request cannot be called back', async () => {
    let answer: (response: Response) => void = () => {};
    const app = signedIn('/fields/new', () => new Promise<Response>((resolve) => (answer = resolve)));
    await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Half done');
    await app.user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out and delete what is not saved?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete and sign out' }));
    // Cancel waits, focused, and does nothing: the request cannot be called back.
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(cancel).toHaveFocus());
    await app.user.click(cancel);
    expect(dialog).toBeVisible();
    answer(json(200, { data: 'Signed out.' }));
    await waitFor(() => expect(draftKeys()).toEqual([]));
  });

  it('in another tab of this browser: this one leaves too, keeping nothing', async () => {
    const app = signedIn('/contacts/new');
    await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'half@example.com');
    await waitFor(() => expect(draftKeys()).toEqual(['lark-admin:contact-draft:sandbox:new:by:ada']));
    const otherTab = new BroadcastChannel('lark-admin:signed-out');
    otherTab.postMessage('signed-out');
    otherTab.close();
    await waitFor(() => expect(draftKeys()).toEqual([]));
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
    expect(app.signOuts).toHaveLength(0);
  });
});

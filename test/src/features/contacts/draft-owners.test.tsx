/** A draft is its owner's: another person signed in at the same browser neither sees, counts nor writes over it. */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../server/access/sessions.ts';
import { json, renderApp } from '../../render-app.tsx';

const ADA: Person = { id: 'ada', name: 'Ada Admin', email: null, role: 'admin' };
const BOB: Person = { id: 'bob', name: 'Bob Builder', email: null, role: 'admin' };
const NAME = 'lark-admin:contact-draft:sandbox:new';
const ADAS = `${NAME}:by:ada`;

async function adaLeavesADraft() {
  const app = renderApp('/contacts/new', { person: ADA });
  await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'ada-draft@example.com');
  await waitFor(() => expect(localStorage.getItem(ADAS)).toContain('ada-draft@example.com'));
  // Her session ends without a sign-out: the page is simply gone.
  cleanup();
}

async function adaComesBack() {
  renderApp('/contacts/new', { person: ADA });
  expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('ada-draft@example.com');
  expect(screen.getByText('Your unsent entries were restored.')).toBeInTheDocument();
}

describe('drafts at a browser two people use', () => {
  it('are not shown to the next person, and wait for their owner', async () => {
    await adaLeavesADraft();
    renderApp('/contacts/new', { person: BOB });
    expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('');
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
    cleanup();
    await adaComesBack();
  });

  it('are not written over, nor dropped, by the next person’s draft of the same form', async () => {
    await adaLeavesADraft();
    const app = renderApp('/contacts/new', { person: BOB });
    const email = await screen.findByRole('textbox', { name: 'Email Address' });
    await app.user.type(email, 'b');
    await waitFor(() => expect(localStorage.getItem(`${NAME}:by:bob`)).toContain('"b"'));
    // Emptied again, Bob's form has nothing to keep: his draft goes, Ada's stays.
    await app.user.clear(email);
    await waitFor(() => expect(localStorage.getItem(`${NAME}:by:bob`)).toBeNull());
    cleanup();
    await adaComesBack();
  });

  it('kept before drafts had owners come back to whoever opens the form, and become theirs', async () => {
    await adaLeavesADraft();
    localStorage.setItem(NAME, localStorage.getItem(ADAS)!);
    localStorage.removeItem(ADAS);
    const app = renderApp('/contacts/new', { person: BOB });
    const email = await screen.findByRole('textbox', { name: 'Email Address' });
    expect(email).toHaveValue('ada-draft@example.com');
    await app.user.type(email, 'x');
    await waitFor(() => expect(localStorage.getItem(`${NAME}:by:bob`)).toContain('ada-draft@example.comx'));
    expect(localStorage.getItem(NAME)).toBeNull();
  });

  it('stay their owner’s when someone else signs in from the page after its session ended', async () => {
    const app = renderApp('/contacts/new', { person: ADA });
    await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'ada-draft@example.com');
    // Bob signs in again from Ada's page; the next answer that re-reads the person names him.
    app.answerAlways(({ method, path }) => {
      if (path === '/api/me')
        return json(200, { id: 'bob', name: 'Bob Builder', email: null, role: 'admin', signIn: 'oidc' });
      if (method === 'POST' && path === '/v1/contacts')
        return json(
          403,
          { error: { message: 'Your role (Viewer) cannot change contacts.' } },
          { 'x-lark-refusal': 'role' },
        );
      return undefined;
    });
    await app.user.click(screen.getByRole('button', { name: 'Save contact' }));
    // The page starts again as Bob: no prompt on the way, Ada's typing kept as hers, never shown as Bob's.
    await waitFor(() => {
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      expect(leaving.defaultPrevented).toBe(false);
    });
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(ADAS)).toContain('ada-draft@example.com');
    expect(Object.keys(localStorage).filter((key) => key.includes(':by:bob'))).toEqual([]);
    expect(screen.queryByText('Bob Builder')).toBeNull();
  });
});

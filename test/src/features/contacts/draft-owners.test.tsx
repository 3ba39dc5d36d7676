/** A draft is its owner's: another person signed in at the same browser neither sees nor counts it. */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../server/access/sessions.ts';
import { renderApp } from '../../render-app.tsx';

const ADA: Person = { id: 'ada', name: 'Ada Admin', email: null, role: 'admin' };
const BOB: Person = { id: 'bob', name: 'Bob Builder', email: null, role: 'admin' };
const KEY = 'lark-admin:contact-draft:sandbox:new';

async function adaLeavesADraft() {
  const app = renderApp('/contacts/new', { person: ADA });
  await app.user.type(await screen.findByRole('textbox', { name: 'Email Address' }), 'ada-draft@example.com');
  await waitFor(() => expect(localStorage.getItem(KEY)).toContain('ada-draft@example.com'));
  // Her session ends without a sign-out: the page is simply gone.
  cleanup();
}

describe('drafts at a browser two people use', () => {
  it('are not shown to the next person, and wait for their owner', async () => {
    await adaLeavesADraft();

    renderApp('/contacts/new', { person: BOB });
    expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('');
    expect(screen.queryByText('Your unsent entries were restored.')).toBeNull();
    cleanup();

    renderApp('/contacts/new', { person: ADA });
    expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('ada-draft@example.com');
    expect(screen.getByText('Your unsent entries were restored.')).toBeInTheDocument();
  });

  it('kept before drafts had owners still come back', async () => {
    await adaLeavesADraft();
    const { owner: _, ...ownerless } = JSON.parse(localStorage.getItem(KEY)!) as Record<string, unknown>;
    localStorage.setItem(KEY, JSON.stringify(ownerless));

    renderApp('/contacts/new', { person: BOB });
    expect(await screen.findByRole('textbox', { name: 'Email Address' })).toHaveValue('ada-draft@example.com');
  });
});

/** A session that ends while a contact is being edited: every page says so, and nothing typed is lost. */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_ENDED } from '../../../../src/contract/access.ts';
import { json, renderApp } from '../../render-app.tsx';

afterEach(() => vi.unstubAllGlobals());

const sessionEnded = () => json(401, { error: { message: SESSION_ENDED } }, { 'x-lark-refusal': 'session' });

describe('a session that ends mid-edit', () => {
  it('says so on the banner when the save’s own fresh read meets it, and keeps the form and its values', async () => {
    const app = renderApp('/fields');
    await app.api('POST', '/v1/contacts', {
      fields: { email_address: 'jaime@example.com', first_name: 'Jaime' },
      status: 'SUBSCRIBED',
    });
    await act(() => app.router.navigate(`/contacts/edit?email=${encodeURIComponent('jaime@example.com')}`));
    const first = await screen.findByRole('textbox', { name: 'First Name' });
    await app.user.clear(first);
    await app.user.type(first, 'Ser Jaime');
    // From now on, whatever asks the server hears that the session ended (the reads in the background too).
    app.answerAlways(({ path }) => (path.startsWith('/v1') || path.startsWith('/api') ? sessionEnded() : undefined));
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('link', { name: 'Sign in again' })).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('textbox', { name: 'First Name' })).toHaveValue('Ser Jaime');
  });
});

describe('when Lark Admin cannot tell who this is', () => {
  it('says why nothing can be changed, instead of loading for ever', async () => {
    const app = renderApp('/contacts/new');
    app.answerAlways(({ path }) => (path === '/api/me' ? json(500, { error: { message: 'Boom.' } }) : undefined));
    expect(await screen.findByText(/Lark Admin could not tell who you are/, {}, { timeout: 5000 })).toBeInTheDocument();
  });
});

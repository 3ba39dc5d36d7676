/** A tab open across an update: the sign-out code it asks for is gone from the server. */
import { screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { json, renderApp } from '../render-app.tsx';

vi.mock('../../../src/app/sign-out.tsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/sign-out-Ab12.js');
});

afterEach(() => vi.unstubAllGlobals());

it('says to reload instead of blanking the page, and keeps the form and the session', async () => {
  const app = renderApp('/fields/new', { person: { id: 'ada', name: 'Ada Admin', email: null, role: 'admin' } });
  const signOuts: string[] = [];
  app.answerAlways(({ method, path }) => {
    if (path === '/api/me')
      return json(200, { id: 'ada', name: 'Ada Admin', email: null, role: 'admin', signIn: 'oidc' });
    if (method === 'POST' && path === '/auth/logout') signOuts.push(path);
    return undefined;
  });
  await app.user.type(await screen.findByRole('textbox', { name: 'Label' }), 'Half done');
  await app.user.click(screen.getByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Signing out failed: its code could not be loaded (the page may be older than the server). Reload it, then sign out.',
  );
  expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Half done');
  expect(signOuts).toEqual([]);
});

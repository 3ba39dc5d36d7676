import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderApp } from '../render-app.tsx';

describe('the app shell', () => {
  it('has navigation to Contacts, Fields and Tags, marks where you are, and says it is the sandbox', async () => {
    renderApp('/fields');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of ['Contacts', 'Fields', 'Tags'])
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Fields' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Fields' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText(/the data lives on this computer/)).toBeInTheDocument();
  });

  it('says so when the workspace is live', async () => {
    const app = renderApp('/fields');
    app.answerNext(({ path }) => (path === '/api/status' ? json(200, { mode: 'live' }) : undefined));
    expect(await screen.findByText(/changes here change your real data/)).toBeInTheDocument();
  });

  it('titles the browser tab after the page', async () => {
    renderApp('/fields');
    await screen.findByRole('heading', { level: 1, name: 'Fields' });
    expect(document.title).toBe('Fields · Lark Admin');
  });

  it('answers an unknown address with a page that leads back', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Contacts' })).toHaveAttribute('href', '/contacts');
  });

  it('shows what went wrong when a page crashes, keeping the navigation, never a white screen', async () => {
    // React reports the crash on the console by design; the test reads the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Boom = () => {
      throw new Error('The page tripped over a broken record.');
    };
    renderApp('/boom', { routes: [{ path: '/boom', Component: Boom }] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The page tripped over a broken record.');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

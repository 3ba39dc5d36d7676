/**
 * Sign-in for teams in Chromium: the real server with OIDC settings, a real OpenID provider on
 * loopback, and a session that ends while a form is half filled.
 */
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { CLIENT_ID, CLIENT_SECRET, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/** A port free now, so the server's PUBLIC_URL (and the provider's callback) can name it before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const test = base.extend<{ provider: TestProvider; server: RunningServer }>({
  provider: async ({}, use) => {
    const port = await freePort();
    const provider = await startTestProvider([`http://127.0.0.1:${port}/auth/callback`]);
    provider.people.ada = { name: 'Ada Admin', email: 'ada@example.com', groups: ['lark-admins'] };
    provider.people.vera = { name: 'Vera Viewer', email: 'vera@example.com', groups: ['lark-viewers'] };
    (provider as TestProvider & { port: number }).port = port;
    await use(provider);
    await provider.close();
  },
  server: async ({ provider }, use) => {
    const port = (provider as TestProvider & { port: number }).port;
    const server = await startServer({
      PORT: String(port),
      SANDBOX_DB: join(mkdtempSync(join(tmpdir(), 'lark-e2e-')), 'workspace.sqlite'),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_SCOPES: 'openid profile email groups',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: 'an e2e session secret of well over thirty-two characters',
      LARK_ADMINS: 'lark-admins',
      LARK_VIEWERS: 'lark-viewers',
    });
    await use(server);
    await server.stop();
    expect(server.output()).not.toContain('an e2e session secret');
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

async function signInAt(page: Page, account: string) {
  await expect(page.getByRole('heading', { name: 'Sign in to the test provider' })).toBeVisible();
  await page.getByLabel('Account').fill(account);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a person signs in with the provider, sees their name, and signs out, of the provider too if they choose', async ({
  page,
  provider,
}) => {
  await page.goto('/contacts');
  await signInAt(page, 'ada');
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByText('Ada Admin')).toBeVisible();
  await expect(page.getByText('(Admin)')).toBeVisible();

  // Signed in, a page load asks the provider nothing.
  const asked = provider.requests.length;
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  expect(provider.requests.length).toBe(asked);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You signed out' })).toBeVisible();
  expect((await page.context().request.get('/api/me')).status()).toBe(401);
  // Lark Admin's session is gone; the provider's own remains, so a new sign-in goes straight through it.
  const before = provider.requests.length;
  await page.goto('/contacts');
  await expect(page.getByText('Ada Admin')).toBeVisible();
  expect(provider.requests.length).toBeGreaterThan(before);

  // Signing out of the provider too: the next sign-in at this browser asks who it is.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const host = new URL(provider.issuer).host;
  await page.getByRole('link', { name: `Sign out of ${host} too` }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You signed out' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Sign out of ${host} too` })).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the test provider' })).toBeVisible();
});

test('a session that ends mid-form loses nothing typed: sign in again in a new tab, then save', async ({ page }) => {
  await page.goto('/contacts/new');
  await signInAt(page, 'ada');
  const email = page.getByRole('textbox', { name: /Email address/i });
  await email.fill('kept@example.com');

  // The session ends on the server (as after 12 idle hours, or a sign-out in another tab).
  const origin = new URL(page.url()).origin;
  expect((await page.context().request.post('/auth/logout', { headers: { origin } })).status()).toBe(200);

  await page.getByRole('button', { name: 'Save contact' }).click();
  // Said twice: on the banner every page shows, with the way back in, and at the form that was not saved.
  const banner = page.getByRole('alert').filter({ has: page.getByRole('link', { name: 'Sign in again' }) });
  await expect(banner).toContainText('Your session ended.');
  await expect(page.getByRole('alert').filter({ hasText: 'what you typed is kept here' })).toBeVisible();
  await expect(email).toHaveValue('kept@example.com');

  const [tab] = await Promise.all([
    page.waitForEvent('popup'),
    banner.getByRole('link', { name: 'Sign in again' }).click(),
  ]);
  // The provider still knows Ada (its own session), so it sends her straight back, signed in.
  await expect(tab.getByRole('heading', { name: 'You are signed in again' })).toBeVisible();
  await tab.close();

  await expect(email).toHaveValue('kept@example.com');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByText(/kept@example\.com/).first()).toBeVisible();
  const stored = await page.context().request.get('/v1/contacts/by-email?email=kept%40example.com');
  expect(stored.status()).toBe(200);

  // The contact's page says who added it.
  await page.goto(`/contacts/edit?email=${encodeURIComponent('kept@example.com')}`);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(/Ada Admin added this contact/)).toBeVisible();
  await expect(history).toContainText('changes made in CampaignLark itself or by other tools are not known here');
});

test('a viewer sees the workspace but is never offered a form to fill', async ({ page }) => {
  await page.goto('/contacts/new');
  await signInAt(page, 'vera');
  await expect(page.getByText('Your role (Viewer) cannot change contacts.').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Email address/i })).toHaveCount(0);
});

test('signing out mid-form asks first, then leaves no draft, no other tab and no cached page behind', async ({
  page,
}) => {
  await page.goto('/contacts/new');
  await signInAt(page, 'ada');
  const email = page.getByRole('textbox', { name: /Email address/i });
  await email.fill('private@example.com');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('-draft:')).length))
    .toBe(1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out and delete what is not saved?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(email).toHaveValue('private@example.com');

  // Another tab of the same browser, on the contacts.
  const other = await page.context().newPage();
  await other.goto('/contacts');
  await expect(other.getByRole('heading', { name: 'Contacts' })).toBeVisible();

  // Playwright dismisses a browser "Leave site?" prompt, which would keep the page here: none may come.
  // The sign-out is held a moment: Escape, pressed again and again, cannot close the dialog meanwhile.
  let letThrough: () => void = () => {};
  await page.route('**/auth/logout', async (route) => {
    await new Promise<void>((resolve) => (letThrough = resolve));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await dialog.getByRole('button', { name: 'Delete and sign out' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  for (let press = 0; press < 3; press++) await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  letThrough();
  await expect(page.getByRole('heading', { name: 'You signed out' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('-draft:')))).toEqual([]);
  await expect(other.getByRole('heading', { name: 'You signed out' })).toBeVisible();

  // Back does not bring the form out of the browser's cache: the page is asked for afresh (and the
  // provider, still signed in, lets Ada straight back in, to an empty form).
  await page.goBack();
  await expect(page.getByRole('textbox', { name: /Email address/i })).toHaveValue('');
});

import { expect, test } from './fixtures.ts';

test('the app shell loads from the real server, says it is the sandbox, and breaks no CSP rule', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('Sandbox workspace:')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a deep link loads the app too', async ({ page, pageErrors }) => {
  const response = await page.goto('/fields/new');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('going offline shows a notice that clears itself when the network returns', async ({ page, context }) => {
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Email Address' }).fill('offline@example.com');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('You are offline')).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Email Address' })).toHaveValue('offline@example.com');
});

for (const browser of ['with requestIdleCallback', 'without it, as in Safari']) {
  test(`once the first page is up, the other pages' code arrives by itself, ${browser}`, async ({
    page,
    pageErrors,
  }) => {
    if (browser.startsWith('without'))
      await page.addInitScript(() => Reflect.deleteProperty(window, 'requestIdleCallback'));
    const tagsPageCode = page.waitForRequest(/\/assets\/tags-page-[^/]+\.js$/);
    await page.goto('/fields');
    await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible();
    await tagsPageCode;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });
}

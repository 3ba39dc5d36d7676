import { expect, test } from './fixtures.ts';

test('the app shell loads from the real server, says it is the sandbox, and breaks no CSP rule', async ({ page, pageErrors }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' })).toHaveAttribute('aria-current', 'page');
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

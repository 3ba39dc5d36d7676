import { expect, test } from './fixtures.ts';

test('the app shell loads from the real server, says it is the sandbox, and breaks no CSP rule', async ({ page, pageErrors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Lark Admin' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Sandbox workspace/);
  expect(pageErrors).toEqual([]);
});

test('a deep link loads the app too', async ({ page, pageErrors }) => {
  const response = await page.goto('/contacts/new');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Lark Admin' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the remaining pages and states pass an axe scan: not found, leave dialog, restored draft', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page, 'the not-found page');

  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill('Unsaved');
  await page.waitForTimeout(400);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave this form?' })).toBeVisible();
  await expectNoAxeViolations(page, 'the leave dialog');
  await page.getByRole('button', { name: 'Stay' }).click();

  await page.reload();
  await expect(page.getByText('Your unsent entries were restored.')).toBeVisible();
  await expectNoAxeViolations(page, 'a restored draft');
});

test('Back from a changed form asks first, and a jump to the content is no move between pages', async ({ page }) => {
  await page.goto('/fields');
  await page.getByRole('link', { name: 'New field' }).click();
  await page.getByRole('textbox', { name: 'Label' }).fill('Unsaved');
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fields\/new#main$/);
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.goBack();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.goBack();
  await expect(page.getByRole('dialog', { name: 'Leave this form?' })).toBeVisible();
  await expect(page).toHaveURL(/\/fields\/new/);
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('textbox', { name: 'Label' })).toHaveValue('Unsaved');

  await page.goBack();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible();
  await expect(page).toHaveURL(/\/fields$/);
});

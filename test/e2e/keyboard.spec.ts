import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Tabs through the page; every stop must show a focus outline a sighted keyboard user can see. */
async function everyTabStopShowsFocus(page: Page, stops: number) {
  const unmarked: string[] = [];
  for (let step = 0; step < stops; step++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      // The outline may be drawn by the element or by the box it sits in (a chip picker's frame).
      const outlined = [element, element.parentElement].some((box) => {
        const style = box ? getComputedStyle(box) : null;
        return style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      });
      return {
        outlined,
        name: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.id ?? ''} ${element.textContent?.slice(0, 30) ?? ''}`,
      };
    });
    if (focus && !focus.outlined) unmarked.push(focus.name);
  }
  expect(unmarked, 'tab stops without a visible focus outline').toEqual([]);
}

test('every tab stop shows where the focus is, on each page', async ({ page, request }) => {
  await request.post('/v1/contacts', { data: { fields: { email_address: 'a@example.com' }, status: 'SUBSCRIBED' } });
  for (const path of [
    '/contacts',
    '/contacts/new',
    '/fields',
    '/fields/new',
    '/tags',
    '/contacts/edit?email=a@example.com',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await everyTabStopShowsFocus(page, 25);
  }
});

test('a dropdown field can be created by keyboard alone', async ({ page }) => {
  await page.goto('/fields/new');
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Label' }).focus();
  await page.keyboard.type('Shirt size');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Merge tag' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Text' })).toBeFocused();
  // Arrow keys move within the radio group: Text → Number → Yes / no → Date → Single choice.
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Single choice' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'New option' })).toBeFocused();
  for (const option of ['S', 'M', 'L']) {
    await page.keyboard.type(option);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Default value' })).toBeFocused();
  await page.keyboard.type('M');
  // Ctrl+Enter saves from any input, the default-value picker included.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Field “Shirt size” created.' })).toBeVisible();
  const fields = await (await page.request.get('/v1/fields')).json();
  expect(fields.data.at(-1)).toMatchObject({
    label: 'Shirt size',
    merge_tag: 'shirt_size',
    definition: 'S,M,L',
    default_value: 'M',
  });
});

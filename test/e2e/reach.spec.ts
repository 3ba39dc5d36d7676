/** Everything stays reachable: narrow screens, 200 % zoom, notices that never cover a button, dialogs in the dark. */
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ request }) => {
  for (const field of [
    {
      label: 'A rather long field label',
      merge_tag: 'long_label',
      type: 'TEXT',
      default_value: 'something fairly long',
    },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro,Team' },
  ]) {
    expect((await request.post('/v1/fields', { data: field })).status()).toBe(201);
  }
  await request.post('/v1/tags', {
    data: {
      name: 'a tag with a long name',
      description: 'and a description that takes up a good deal of room in its column',
    },
  });
});

/** Whether the element is wholly inside the viewport, with no scrolling of the page or the table. */
async function whollyInView(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width;
}

for (const [name, viewport] of [
  ['a 375 px phone', { width: 375, height: 800 }],
  ['200 % zoom of a 1280 px window', { width: 640, height: 400 }],
] as const) {
  test(`on ${name}, every row's actions are in view without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/fields');
    for (const button of await page
      .getByRole('table')
      .getByRole('button', { name: /^Delete / })
      .all()) {
      expect(await whollyInView(page, button), String(await button.getAttribute('aria-label'))).toBe(true);
    }
    for (const link of await page
      .getByRole('table')
      .getByRole('link', { name: /^Edit / })
      .all())
      expect(await whollyInView(page, link)).toBe(true);
    await page.goto('/tags');
    for (const button of await page.getByRole('table').getByRole('button').all()) {
      expect(await whollyInView(page, button), String(await button.getAttribute('aria-label'))).toBe(true);
    }
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
}

test('on a phone, the contact filters fold behind "Filters (n)"', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/contacts?status=SUBSCRIBED');
  const toggle = page.getByRole('button', { name: 'Filters (1)' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('search', { name: 'Filter contacts' })).toBeHidden();
  await toggle.click();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('SUBSCRIBED');
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(toggle).toBeHidden();
  await expect(page.getByRole('search', { name: 'Filter contacts' })).toBeVisible();
});

test('a saved notice covers no button, and leaves with the next page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 640 });
  await page.goto('/tags');
  await page.getByRole('textbox', { name: 'Name' }).fill('fresh');
  await page.getByRole('button', { name: 'Create tag' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Tag “fresh” created.' });
  await expect(notice).toBeVisible();
  const covered = await page.evaluate(
    () =>
      [...document.querySelectorAll('main button, main a')].filter((element) => {
        const box = element.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return box.width > 0 && top !== null && !element.contains(top) && top.closest('[role="status"]') !== null;
      }).length,
  );
  expect(covered).toBe(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fields' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fields' })).toBeVisible();
  await expect(page.getByText('Tag “fresh” created.')).toHaveCount(0);
});

test('dialogs have a visible border in the dark scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/tags');
  await page.getByRole('button', { name: 'Delete newsletter' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const style = await dialog.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { width: computed.borderTopWidth, border: computed.borderTopColor, background: computed.backgroundColor };
  });
  expect(style.width).not.toBe('0px');
  expect(style.border).not.toBe(style.background);
});

test('Ctrl+Enter saves the field form', async ({ page, request }) => {
  await page.goto('/fields/new');
  await page.getByRole('textbox', { name: 'Label' }).fill('Nickname');
  await page.getByRole('radio', { name: 'Text' }).check();
  await page.getByRole('textbox', { name: 'Label' }).press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Field “Nickname” created.' })).toBeVisible();
  const fields = (await (await request.get('/v1/fields')).json()).data as { merge_tag: string }[];
  expect(fields.map((field) => field.merge_tag)).toContain('nickname');
});

test('a long form keeps Save in view, and its error summary leads to each input', async ({ page, request }) => {
  for (let n = 1; n <= 70; n++) {
    const mergeTag = `q_${'abcdefghij'[Math.floor(n / 10)]}${'abcdefghij'[n % 10]}`;
    expect(
      (
        await request.post('/v1/fields', {
          data: { label: `Question ${n}`, merge_tag: mergeTag, type: 'TEXT', required: n === 55 },
        })
      ).status(),
    ).toBe(201);
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/contacts/new');
  await page.getByRole('textbox', { name: 'Question 35' }).focus();
  await expect(page.getByRole('button', { name: 'Save contact' })).toBeInViewport();
  await page.getByRole('button', { name: 'Save contact' }).click();
  const summary = page.getByRole('heading', { name: 'There is a problem with 2 inputs' });
  await expect(summary).toBeInViewport();
  await page.getByRole('link', { name: 'Question 55: Question 55 is required.' }).click();
  await expect(page.getByRole('textbox', { name: 'Question 55' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Question 55' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Save contact' })).toBeInViewport();
  await expectNoAxeViolations(page, 'a long form with its error summary and finder');
});

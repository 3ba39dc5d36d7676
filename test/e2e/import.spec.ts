import { expect, test } from './fixtures.ts';

/** Semicolons, a BOM, a quoted line break, a country in German, a day-first date, and one row CampaignLark refuses. */
const FILE = [
  '\ufeffE-mail;Vorname;Company;Land;Birthday',
  'ann@example.com;Ann;Initech;Deutschland;31/12/1990',
  'bo@example.com;Bo;"Globex\nEurope";Frankreich;01/02/1985',
  'cy@example.com;Cy;;Spanien;15/06/2001',
].join('\r\n');

test('a file becomes contacts through a server job, with the refused row reported in CampaignLark’s words', async ({
  page,
  request,
  pageErrors: _,
}) => {
  for (const field of [
    { label: 'Company', merge_tag: 'company', type: 'TEXT', required: true },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
    { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
  ])
    expect((await request.post('/v1/fields', { data: field })).status()).toBe(201);

  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Import contacts' }).click();
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });

  await expect(page.getByRole('region', { name: 'The file' })).toContainText(
    '3 rows · 5 columns · semicolon-separated',
  );
  await expect(page.getByRole('combobox', { name: 'Map column “E-mail”' })).toHaveValue('field:email_address');
  await expect(page.getByRole('combobox', { name: 'Map column “Vorname”' })).toHaveValue('field:first_name');
  await expect(page.getByRole('combobox', { name: 'Map column “Land”' })).toHaveValue('field:country');
  await expect(page.getByText('3 rows · 3 ready · 0 with problems')).toBeVisible();
  const grid = page.getByRole('table', { name: 'Rows to import' });
  await expect(grid.getByRole('button', { name: 'Germany (DE)' })).toBeVisible();
  await expect(grid.getByRole('button', { name: '1990-12-31' })).toBeVisible();

  await page.getByRole('button', { name: 'Check against the workspace' }).click();
  await expect(page.getByRole('region', { name: 'What the import will do' })).toContainText(
    '3 contacts will be created and 0 updated',
  );
  await page.getByRole('button', { name: 'Start import of 3 rows' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('leads.csv');
  const progress = page.getByRole('progressbar', { name: 'Job progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^3 of 3 rows/, { timeout: 15_000 });
  await expect(page.getByText('Done', { exact: true })).toBeVisible();
  const refused = page.getByRole('region', { name: 'Refused rows', exact: true });
  await expect(refused.getByRole('row')).toHaveCount(2);
  await expect(refused).toContainText("Field 'Company' is required.");

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download refused rows' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  expect(text.split('\r\n')[0]).toBe('E-mail,Vorname,Company,Land,Birthday,error');
  expect(text).toContain("cy@example.com,Cy,,Spanien,15/06/2001,Field 'Company' is required.");

  const bo = await (await request.get('/v1/contacts/by-email?email=bo@example.com')).json();
  expect(bo.data.data).toMatchObject({
    first_name: 'Bo',
    company: 'Globex\nEurope',
    country: 'FR',
    birthday: '1985-02-01',
  });
});

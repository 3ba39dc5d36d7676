import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catchDownloads, renderApp, type RenderedApp } from '../../render-app.tsx';

const JANE = { id: 'jane', name: 'Jane Doe', email: 'jane@example.com', role: 'admin' } as const;
const VERA = { id: 'v', name: 'Vera Viewer', email: null, role: 'viewer' } as const;
const BOB = { id: 'bob', name: 'Bob Builder' };

/** Jane's real writes through the server (a field, a contact, a change), and two of Bob's from his own session. */
async function teamAtWork(app: RenderedApp) {
  await app.api('POST', '/v1/fields', { label: 'Company', merge_tag: 'company', type: 'TEXT' });
  const created = await app.api('POST', '/v1/contacts', {
    fields: { email_address: 'dana@example.com', company: 'Initech' },
    status: 'SUBSCRIBED',
    tags: [],
  });
  await app.api('POST', '/v1/contacts/upsert', {
    email_address: 'dana@example.com',
    partial_update: true,
    fields: { company: 'Globex' },
  });
  app.audit.record({
    actor: BOB,
    kind: 'tag',
    action: 'changed',
    targetId: '2',
    targetName: 'customer',
    changes: [{ key: 'name', before: 'buyers', after: 'customer' }],
    job: null,
  });
  app.audit.record({
    actor: BOB,
    kind: 'contact',
    action: 'changed',
    targetId: created.body.data.id,
    targetName: 'dana@example.com',
    changes: [
      { key: 'company', before: 'Globex', after: '=1+1' },
      { key: 'tags', before: [], after: [1] },
    ],
    job: { id: 7, row: 1 },
  });
}

/** Bob changes the newsletter tag's description `times` times. */
function bobRewritesTheNote(app: RenderedApp, times: number) {
  for (let n = 1; n <= times; n++)
    app.audit.record({
      actor: BOB,
      kind: 'tag',
      action: 'changed',
      targetId: '1',
      targetName: 'newsletter',
      changes: [{ key: 'description', before: `Note ${n - 1}`, after: `Note ${n}` }],
      job: null,
    });
}

async function openActivity(app: RenderedApp, query = '') {
  await app.router.navigate(`/activity${query}`);
  return screen.findByRole('table', { name: 'Activity' });
}

/** Each row's cells, as text: When, Who, What, Changes. */
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('the Activity page', () => {
  it('lists everyone’s changes, newest first, with links to what they touched', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    const table = await openActivity(app);
    expect(rows(table)).toEqual([
      [
        'just now',
        'Bob Builder',
        'Contactdana@example.com',
        'changed Company from “Globex” to “=1+1”added tag “newsletter” · by job 7',
      ],
      ['just now', 'Bob Builder', 'Tagcustomer', 'renamed the tag from “buyers” to “customer”'],
      ['just now', 'Jane Doe', 'Contactdana@example.com', 'changed Company from “Initech” to “Globex”'],
      [
        'just now',
        'Jane Doe',
        'Contactdana@example.com',
        'added this contactset Email Address to “dana@example.com”set Company to “Initech”set Status to Subscribed',
      ],
      [
        'just now',
        'Jane Doe',
        'FieldCompany',
        'added the field “Company”set its merge tag to “company”set its type to Text',
      ],
    ]);
    expect(within(table).getAllByRole('link', { name: 'dana@example.com' })[0]).toHaveAttribute(
      'href',
      '/contacts/edit?email=dana%40example.com',
    );
    expect(within(table).getByRole('link', { name: 'job 7' })).toHaveAttribute('href', '/jobs/7');
    expect(within(table).getByRole('link', { name: 'Company' })).toHaveAttribute('href', '/fields/4/edit');
    expect(screen.getByText(/Only changes made through Lark Admin are shown/)).toBeInTheDocument();
  });

  it('narrows by kind and by person, in an address that can be shared', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    const table = await openActivity(app);
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Fields');
    await waitFor(() => expect(rows(table).map((row) => row[2])).toEqual(['FieldCompany']));
    expect(app.router.state.location.search).toBe('?kind=field');

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'All kinds');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), 'Bob Builder');
    await waitFor(() => expect(rows(table).map((row) => row[1])).toEqual(['Bob Builder', 'Bob Builder']));
    expect(app.router.state.location.search).toBe('?actor=bob');

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Fields');
    expect(await screen.findByText('No changes match these filters.')).toBeInTheDocument();
  });

  it('opens a shared address with its filters applied', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    const table = await openActivity(app, '?kind=tag&actor=bob');
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveDisplayValue('Tags');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveDisplayValue('Bob Builder');
    expect(rows(table).map((row) => row[3])).toEqual(['renamed the tag from “buyers” to “customer”']);
  });

  it('pages back to older changes', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    bobRewritesTheNote(app, 100);
    const table = await openActivity(app);
    expect(rows(table)).toHaveLength(100);
    await app.user.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(rows(table)).toHaveLength(105));
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('exports every change of the filter as a CSV, one row per changed value', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    await openActivity(app, '?kind=contact');
    const blobs = catchDownloads();
    await app.user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = (await blobs[0]!.text()).replace(/^\ufeff/, '');
    const lines = text.split('\r\n');
    expect(lines.every((line, n) => n === 0 || /^\d{4}-\d\d-\d\dT[\d:.]+Z,/.test(line))).toBe(true);
    expect(lines.map((line) => line.replace(/^[^,]+Z,/, 'T,'))).toEqual([
      'time,person,kind,action,target,change,before,after,job',
      // A value a spreadsheet would run as a formula is written as text.
      `T,Bob Builder,contact,changed,dana@example.com,Company,Globex,"'=1+1",7`,
      'T,Bob Builder,contact,changed,dana@example.com,Tags,,newsletter,7',
      'T,Jane Doe,contact,changed,dana@example.com,Company,Initech,Globex,',
      'T,Jane Doe,contact,created,dana@example.com,Email Address,,dana@example.com,',
      'T,Jane Doe,contact,created,dana@example.com,Company,,Initech,',
      'T,Jane Doe,contact,created,dana@example.com,Status,,Subscribed,',
    ]);
  });

  it('stops an export on request: no file, and no page read after', async () => {
    const app = renderApp('/fields', { person: JANE });
    await teamAtWork(app);
    // Three pages and more: one is read, the second waits, and a third must never be asked for.
    bobRewritesTheNote(app, 250);
    await openActivity(app);
    const blobs = catchDownloads();
    const asked: string[] = [];
    let release: () => void = () => {};
    app.answerAlways(async ({ path }) => {
      if (path !== '/api/activity') return undefined;
      asked.push(path);
      // The second page waits until the test lets it through, after Stop.
      if (asked.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return undefined;
    });
    await app.user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    await app.user.click(screen.getByRole('button', { name: 'Stop export' }));
    expect(screen.getByText('Export stopped: no file was made.')).toHaveRole('status');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Stop export' })).toBeNull();
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toHaveLength(2);
    expect(blobs).toEqual([]);
  });

  it('is refused to a viewer, in the words the server would use', async () => {
    renderApp('/activity', { person: VERA });
    expect(await screen.findByText("Your role (Viewer) cannot see the team's activity.")).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Activity' })).toBeNull();
  });
});

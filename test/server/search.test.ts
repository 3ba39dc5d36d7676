import { beforeAll, describe, expect, it } from 'vitest';
import { error, sandbox, type Sandbox } from './sandbox-client.ts';

let api: Sandbox;
const validation = error('Validation error');

/** Five contacts with distinct values, tags and statuses. */
const PEOPLE = [
  {
    email: 'ann@alpha.com',
    age: 30,
    vip: true,
    joined: '2020-01-15',
    plan: 'Free',
    colours: ['Red'],
    country: 'GB',
    note: 'Loves Tea',
    status: 'SUBSCRIBED',
    tags: [1],
  },
  {
    email: 'bob@beta.com',
    age: 45,
    vip: false,
    joined: '2021-06-01',
    plan: 'Pro',
    colours: ['Red', 'Blue'],
    country: 'DE',
    note: 'coffee',
    status: 'UNSUBSCRIBED',
    tags: [1, 2],
  },
  {
    email: 'cy@alpha.com',
    age: 18.5,
    vip: true,
    joined: '2019-12-31',
    plan: 'Pro',
    colours: ['Blue', 'Green'],
    country: 'FR',
    note: 'TEA and cake',
    status: 'SUBSCRIBED',
    tags: [2],
  },
  {
    email: 'di@gamma.org',
    age: -3,
    vip: false,
    joined: '2022-02-28',
    plan: 'Free',
    colours: [],
    country: 'GB',
    note: '',
    status: 'CLEANED',
    tags: [],
  },
  { email: 'ed@gamma.org', status: 'SUBSCRIBED', tags: [1, 2] },
] as const;

beforeAll(async () => {
  api = sandbox();
  const fields = [
    { label: 'Age', merge_tag: 'age', type: 'NUMBER' },
    { label: 'VIP', merge_tag: 'vip', type: 'BOOLEAN' },
    { label: 'Joined', merge_tag: 'joined', type: 'DATE' },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro' },
    { label: 'Colours', merge_tag: 'colours', type: 'DROPDOWN_MULTIPLE', definition: 'Red,Blue,Green' },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
    { label: 'Note', merge_tag: 'note', type: 'TEXT' },
  ];
  for (const field of fields) await api.post('/v1/fields', field);
  for (const { email, status, tags, ...values } of PEOPLE) {
    const answer = await api.post('/v1/contacts', { fields: { email_address: email, ...values }, status, tags });
    expect(answer.status).toBe(201);
  }
});

async function emails(body: unknown): Promise<string[]> {
  const answer = await api.post('/v1/contacts/search', body);
  expect(answer.status).toBe(200);
  return answer.body.data.contacts.map((contact: { data: { email_address: string } }) => contact.data.email_address);
}

const where = (merge_tag: string, operator: string, value?: unknown) => ({ fields: [{ merge_tag, operator, value }] });

describe('POST /v1/contacts/search conditions', () => {
  it.each([
    ['text EQUALS ignores case', where('email_address', 'EQUALS', 'ANN@alpha.com'), ['ann@alpha.com']],
    ['text CONTAINS ignores case', where('note', 'CONTAINS', 'tea'), ['ann@alpha.com', 'cy@alpha.com']],
    [
      'text NOT_CONTAINS includes contacts with no value',
      where('note', 'NOT_CONTAINS', 'tea'),
      ['bob@beta.com', 'di@gamma.org', 'ed@gamma.org'],
    ],
    [
      'text NOT_EQUALS',
      where('email_address', 'NOT_EQUALS', 'ann@alpha.com'),
      ['bob@beta.com', 'cy@alpha.com', 'di@gamma.org', 'ed@gamma.org'],
    ],
    ['email CONTAINS a domain', where('email_address', 'CONTAINS', '@gamma'), ['di@gamma.org', 'ed@gamma.org']],
    ['number EQUALS', where('age', 'EQUALS', 18.5), ['cy@alpha.com']],
    ['number GREATER_THAN', where('age', 'GREATER_THAN', 18.5), ['ann@alpha.com', 'bob@beta.com']],
    ['number LESS_THAN with a numeric string', where('age', 'LESS_THAN', '18.5'), ['di@gamma.org']],
    ['yes/no EQUALS true', where('vip', 'EQUALS', true), ['ann@alpha.com', 'cy@alpha.com']],
    ['yes/no EQUALS false', where('vip', 'EQUALS', false), ['bob@beta.com', 'di@gamma.org']],
    ['date GREATER_THAN', where('joined', 'GREATER_THAN', '2020-01-15'), ['bob@beta.com', 'di@gamma.org']],
    ['date LESS_THAN', where('joined', 'LESS_THAN', '2020-01-15'), ['cy@alpha.com']],
    ['date EQUALS', where('joined', 'EQUALS', '2022-02-28'), ['di@gamma.org']],
    ['single choice EQUALS', where('plan', 'EQUALS', 'Pro'), ['bob@beta.com', 'cy@alpha.com']],
    [
      'single choice NOT_EQUALS includes contacts with no value',
      where('plan', 'NOT_EQUALS', 'Pro'),
      ['ann@alpha.com', 'di@gamma.org', 'ed@gamma.org'],
    ],
    ['multiple choice CONTAINS one option', where('colours', 'CONTAINS', 'blue'), ['bob@beta.com', 'cy@alpha.com']],
    ['multiple choice CONTAINS all of several', where('colours', 'CONTAINS', ['Red', 'Blue']), ['bob@beta.com']],
    [
      'multiple choice NOT_CONTAINS',
      where('colours', 'NOT_CONTAINS', 'Red'),
      ['cy@alpha.com', 'di@gamma.org', 'ed@gamma.org'],
    ],
    ['multiple choice EQUALS the exact set', where('colours', 'EQUALS', ['Blue', 'Red']), ['bob@beta.com']],
    ['country EQUALS', where('country', 'EQUALS', 'GB'), ['ann@alpha.com', 'di@gamma.org']],
    ['EXISTS', where('colours', 'EXISTS'), ['ann@alpha.com', 'bob@beta.com', 'cy@alpha.com']],
    [
      'two conditions together',
      { fields: [...where('country', 'EQUALS', 'GB').fields, ...where('age', 'GREATER_THAN', 0).fields] },
      ['ann@alpha.com'],
    ],
  ])('%s', async (_, body, expected) => {
    expect(await emails(body)).toEqual(expected);
  });

  it.each([
    ['an operator that does not exist', where('note', 'STARTS_WITH', 'a')],
    ['an operator the type does not allow', where('note', 'GREATER_THAN', 'a')],
    ['a number condition with a word', where('age', 'GREATER_THAN', 'old')],
    ['a date condition in another format', where('joined', 'LESS_THAN', '01/01/2020')],
    ['a yes/no condition with a word', where('vip', 'EQUALS', 'maybe')],
    ['a condition without its value', where('note', 'CONTAINS')],
    ['fields that are not a list', { fields: { merge_tag: 'note' } }],
  ])('refuses %s with Validation error', async (_, body) => {
    expect(await api.post('/v1/contacts/search', body)).toMatchObject({ status: 400, body: validation });
  });

  it('names a merge tag the workspace lacks', async () => {
    expect(await api.post('/v1/contacts/search', where('shoe_size', 'EXISTS'))).toMatchObject({
      status: 400,
      body: error('We were unable to find a field with the merge_tag shoe_size'),
    });
  });
});

describe('POST /v1/contacts/search filters', () => {
  it('finds contacts with all of the given tags', async () => {
    expect(await emails({ tags: [1] })).toEqual(['ann@alpha.com', 'bob@beta.com', 'ed@gamma.org']);
    expect(await emails({ tags: [1, 2] })).toEqual(['bob@beta.com', 'ed@gamma.org']);
  });

  it('filters by status, and refuses a status not in the enum', async () => {
    expect(await emails({ status: 'SUBSCRIBED' })).toEqual(['ann@alpha.com', 'cy@alpha.com', 'ed@gamma.org']);
    expect(await api.post('/v1/contacts/search', { status: 'BOUNCED' })).toMatchObject({
      status: 400,
      body: error('The status you provided is not valid.'),
    });
  });

  it('combines conditions, tags and status', async () => {
    expect(await emails({ ...where('email_address', 'CONTAINS', 'alpha'), tags: [2], status: 'SUBSCRIBED' })).toEqual([
      'cy@alpha.com',
    ]);
  });
});

describe('POST /v1/contacts/search paging and sorting', () => {
  let big: Sandbox;

  beforeAll(async () => {
    big = sandbox();
    for (let n = 1; n <= 120; n++) {
      await big.post('/v1/contacts', {
        fields: { email_address: `c${String(n).padStart(3, '0')}@example.com` },
        status: 'SUBSCRIBED',
      });
    }
    // The 7th contact is the one most recently changed.
    const { body } = await big.get('/v1/contacts/by-email?email=c007@example.com');
    big.store.db.prepare("UPDATE contacts SET updated_at = '2999-01-01T00:00:00Z' WHERE id = ?").run(body.data.id);
  });

  const page = async (body: object) => (await big.post('/v1/contacts/search', body)).body.data;

  it('answers pages of 50 by default, with the totals', async () => {
    const first = await page({});
    expect(first.contacts).toHaveLength(50);
    expect(first.pagination).toEqual({ current_page: 1, per_page: 50, total_pages: 3, total_count: 120 });
    const third = await page({ page: 3 });
    expect(third.contacts.map((c: { data: { email_address: string } }) => c.data.email_address)).toEqual(
      Array.from({ length: 20 }, (_, i) => `c${101 + i}@example.com`),
    );
    expect((await page({ page: 4 })).contacts).toEqual([]);
  });

  it('takes limits from 10 to 250 and refuses others', async () => {
    expect((await page({ limit: 10 })).pagination).toMatchObject({ per_page: 10, total_pages: 12 });
    expect((await page({ limit: 250 })).contacts).toHaveLength(120);
    for (const body of [{ limit: 9 }, { limit: 251 }, { limit: 'ten' }, { page: 0 }, { page: 1.5 }]) {
      expect(await big.post('/v1/contacts/search', body)).toMatchObject({ status: 400, body: validation });
    }
  });

  it('sorts by created or updated, either way', async () => {
    const first = (body: object) => page({ ...body, limit: 10 }).then((data) => data.contacts[0].data.email_address);
    expect(await first({})).toBe('c001@example.com');
    expect(await first({ sort_order: 'desc' })).toBe('c120@example.com');
    expect(await first({ sort_by: 'updated_at', sort_order: 'desc' })).toBe('c007@example.com');
    expect(await first({ sort_by: 'updated_at', sort_order: 'asc' })).toBe('c001@example.com');
    for (const body of [{ sort_by: 'email' }, { sort_order: 'up' }]) {
      expect(await big.post('/v1/contacts/search', body)).toMatchObject({ status: 400, body: validation });
    }
  });
});

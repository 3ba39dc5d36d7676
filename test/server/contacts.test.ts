import { beforeEach, describe, expect, it } from 'vitest';
import { error, sandbox, type Sandbox } from './sandbox-client.ts';

let api: Sandbox;

/** One optional field of each type, and one required text field. */
async function workspaceWithEveryType() {
  const fields = [
    { label: 'Nickname', merge_tag: 'nickname', type: 'TEXT' },
    { label: 'Age', merge_tag: 'age', type: 'NUMBER' },
    { label: 'Likes cats', merge_tag: 'likes_cats', type: 'BOOLEAN' },
    { label: 'Birthday', merge_tag: 'birthday', type: 'DATE' },
    { label: 'Plan', merge_tag: 'plan', type: 'DROPDOWN_SINGLE', definition: 'Free,Pro' },
    { label: 'Colours', merge_tag: 'colours', type: 'DROPDOWN_MULTIPLE', definition: 'Red,Blue,Green' },
    { label: 'Country', merge_tag: 'country', type: 'COUNTRY' },
    { label: 'Company', merge_tag: 'company', type: 'TEXT', required: true },
  ];
  for (const field of fields) expect((await api.post('/v1/fields', field)).status).toBe(201);
}

const everyValue = {
  email_address: 'tywin@example.com',
  nickname: 'Ty',
  age: -41.5,
  likes_cats: false,
  birthday: '1960-02-29',
  plan: 'Pro',
  colours: ['Green', 'Red'],
  country: 'GB',
  company: 'Lannister',
};

beforeEach(async () => {
  api = sandbox();
  await workspaceWithEveryType();
});

describe('POST /v1/contacts', () => {
  it('creates a contact with a value of every type, as encoded', async () => {
    const { status, body } = await api.post('/v1/contacts', {
      fields: everyValue,
      status: 'UNCONFIRMED',
      tags: [2, 1],
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      status: 'UNCONFIRMED',
      tags: [
        { id: 1, name: 'newsletter' },
        { id: 2, name: 'customer' },
      ],
      data: everyValue,
      statistics: { total_opens: 0, total_clicks: 0, total_bounces: 0, total_delivered: 0 },
      last_opened_at: null,
      last_clicked_at: null,
    });
    expect(body.data.id).toMatch(/^[0-9a-f]{24}$/);
    expect(body.data.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(body.data.updated_at).toBe(body.data.created_at);
  });

  it('leaves empty optional values out', async () => {
    const { body } = await api.post('/v1/contacts', {
      fields: { email_address: 'a@example.com', company: 'X', nickname: '', colours: [], age: null },
      status: 'SUBSCRIBED',
    });
    expect(body.data.data).toEqual({ email_address: 'a@example.com', company: 'X' });
  });

  it.each([
    ['fields missing', { status: 'SUBSCRIBED' }, 'Please provide at least one field for the contact.'],
    ['fields empty', { fields: {}, status: 'SUBSCRIBED' }, 'Please provide at least one field for the contact.'],
    ['no body at all', undefined, 'Please provide at least one field for the contact.'],
    ['status missing', { fields: everyValue }, 'Contact status is required.'],
    ['status not in the enum', { fields: everyValue, status: 'ACTIVE' }, 'The status you provided is not valid.'],
    [
      'status BOUNCED, which is only ever displayed',
      { fields: everyValue, status: 'BOUNCED' },
      'The status you provided is not valid.',
    ],
    ['email missing', { fields: { company: 'X' }, status: 'SUBSCRIBED' }, 'An email address is required.'],
    [
      'email empty',
      { fields: { ...everyValue, email_address: '' }, status: 'SUBSCRIBED' },
      'An email address is required.',
    ],
    [
      'a required field missing',
      { fields: { email_address: 'a@example.com' }, status: 'SUBSCRIBED' },
      "Field 'Company' is required.",
    ],
    [
      'a required field empty',
      { fields: { ...everyValue, company: '  ' }, status: 'SUBSCRIBED' },
      "Field 'Company' is required.",
    ],
    [
      'a merge tag the workspace lacks',
      { fields: { ...everyValue, shoe_size: 9 }, status: 'SUBSCRIBED' },
      'We were unable to find a field with the merge_tag shoe_size',
    ],
    [
      'a tag that does not exist',
      { fields: everyValue, status: 'SUBSCRIBED', tags: [1, 99] },
      'Tag ID 99 does not exist in this workspace',
    ],
  ])('refuses %s', async (_, body, message) => {
    expect(await api.post('/v1/contacts', body)).toMatchObject({ status: 400, body: error(message) });
    expect((await api.post('/v1/contacts/search', {})).body.data.pagination.total_count).toBe(0);
  });

  it.each([
    [
      'an email that is not one',
      'email_address',
      'tywin at example',
      "Field 'Email Address' must be a valid email address.",
    ],
    ['text that is a number', 'nickname', 7, "Field 'Nickname' must be text."],
    ['a number written as text', 'age', '41', "Field 'Age' must be a number."],
    ['a yes/no written as text', 'likes_cats', 'true', "Field 'Likes cats' must be true or false."],
    ['a date in another format', 'birthday', '29/02/1960', "Field 'Birthday' must be a date written YYYY-MM-DD."],
    ['a day that does not exist', 'birthday', '1961-02-29', "Field 'Birthday' must be a date written YYYY-MM-DD."],
    ['an option that is not in the list', 'plan', 'Gold', "Field 'Plan' must be one of its options."],
    [
      'options as a comma string',
      'colours',
      'Red,Blue',
      "Field 'Colours' must be a list of its options, each at most once.",
    ],
    ['an option twice', 'colours', ['Red', 'Red'], "Field 'Colours' must be a list of its options, each at most once."],
    [
      'an unknown option in the list',
      'colours',
      ['Red', 'Pink'],
      "Field 'Colours' must be a list of its options, each at most once.",
    ],
    ['a country name', 'country', 'United Kingdom', "Field 'Country' must be a two-letter country code such as GB."],
    ['a lower-case country code', 'country', 'gb', "Field 'Country' must be a two-letter country code such as GB."],
  ])('refuses %s, naming the field', async (_, mergeTag, value, message) => {
    const answer = await api.post('/v1/contacts', {
      fields: { ...everyValue, [mergeTag]: value },
      status: 'SUBSCRIBED',
    });
    expect(answer).toMatchObject({ status: 400, body: error(message) });
  });

  it('refuses a second contact with the same email, in any case', async () => {
    await api.post('/v1/contacts', { fields: everyValue, status: 'SUBSCRIBED' });
    const answer = await api.post('/v1/contacts', {
      fields: { ...everyValue, email_address: 'TYWIN@example.com' },
      status: 'SUBSCRIBED',
    });
    expect(answer).toMatchObject({ status: 400, body: error('A contact with this email address already exists.') });
  });
});

describe('PUT /v1/contacts/:id', () => {
  async function existing() {
    return (await api.post('/v1/contacts', { fields: everyValue, status: 'SUBSCRIBED', tags: [1] })).body.data;
  }

  it('replaces the values and status, keeping tags that are not sent', async () => {
    const contact = await existing();
    const fields = { email_address: 'tywin@example.com', company: 'Casterly', age: 60 };
    const { status, body } = await api.put(`/v1/contacts/${contact.id}`, { fields, status: 'UNSUBSCRIBED' });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: contact.id,
      status: 'UNSUBSCRIBED',
      data: fields,
      tags: [{ id: 1, name: 'newsletter' }],
      created_at: contact.created_at,
    });
  });

  it('replaces all tags when tags are sent', async () => {
    const contact = await existing();
    const { body } = await api.put(`/v1/contacts/${contact.id}`, {
      fields: everyValue,
      status: 'SUBSCRIBED',
      tags: [2],
    });
    expect(body.data.tags).toEqual([{ id: 2, name: 'customer' }]);
    const { body: cleared } = await api.put(`/v1/contacts/${contact.id}`, {
      fields: everyValue,
      status: 'SUBSCRIBED',
      tags: [],
    });
    expect(cleared.data.tags).toEqual([]);
  });

  it("can change the email address, but not to another contact's", async () => {
    const contact = await existing();
    await api.post('/v1/contacts', {
      fields: { ...everyValue, email_address: 'cersei@example.com' },
      status: 'SUBSCRIBED',
    });
    const moved = await api.put(`/v1/contacts/${contact.id}`, {
      fields: { ...everyValue, email_address: 'lord@example.com' },
      status: 'SUBSCRIBED',
    });
    expect(moved.body.data.data.email_address).toBe('lord@example.com');
    const clash = await api.put(`/v1/contacts/${contact.id}`, {
      fields: { ...everyValue, email_address: 'Cersei@example.com' },
      status: 'SUBSCRIBED',
    });
    expect(clash).toMatchObject({ status: 400, body: error('A contact with this email address already exists.') });
  });

  it.each([
    ['fields missing', { status: 'SUBSCRIBED' }, 'Please provide at least one field to update.'],
    ['fields empty', { fields: {}, status: 'SUBSCRIBED' }, 'Please provide at least one field to update.'],
    ['status missing', { fields: everyValue }, 'Please provide a status.'],
    ['status not in the enum', { fields: everyValue, status: 'GONE' }, 'The status you provided is not valid.'],
    [
      'a merge tag the workspace lacks',
      { fields: { ...everyValue, shoe_size: 9 }, status: 'SUBSCRIBED' },
      'We were unable to find a field with the merge_tag shoe_size',
    ],
    [
      'a required field left out',
      { fields: { email_address: 'tywin@example.com' }, status: 'SUBSCRIBED' },
      "Field 'Company' is required.",
    ],
    ['email left out', { fields: { company: 'X' }, status: 'SUBSCRIBED' }, 'An email address is required.'],
  ])('refuses %s and changes nothing', async (_, body, message) => {
    const contact = await existing();
    expect(await api.put(`/v1/contacts/${contact.id}`, body)).toMatchObject({ status: 400, body: error(message) });
    expect((await api.get('/v1/contacts/by-email?email=tywin@example.com')).body.data).toEqual(contact);
  });

  it('answers 404 for an id that is no contact id, before the route is reached', async () => {
    const answer = await api.put('/v1/contacts/12345', { fields: everyValue, status: 'SUBSCRIBED' });
    expect(answer).toMatchObject({
      status: 404,
      body: error('There is no PUT /v1/contacts/12345 in the CampaignLark API.'),
    });
  });

  it('answers 404 for a contact that does not exist', async () => {
    const answer = await api.put('/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1', { fields: everyValue, status: 'SUBSCRIBED' });
    expect(answer).toMatchObject({ status: 404, body: error("We couldn't find the contact.") });
  });
});

describe('POST /v1/contacts/upsert', () => {
  it('creates a contact that does not exist yet, SUBSCRIBED by default', async () => {
    const { status, body } = await api.post('/v1/contacts/upsert', {
      email_address: 'new@example.com',
      fields: { company: 'X' },
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      status: 'SUBSCRIBED',
      data: { email_address: 'new@example.com', company: 'X' },
      tags: [],
    });
  });

  it('replaces everything on a full update, and resets the status to SUBSCRIBED when none is sent', async () => {
    const { body: first } = await api.post('/v1/contacts', { fields: everyValue, status: 'UNSUBSCRIBED', tags: [1] });
    const { body } = await api.post('/v1/contacts/upsert', {
      email_address: 'TYWIN@example.com',
      fields: { company: 'Y' },
    });
    expect(body.data).toMatchObject({
      id: first.data.id,
      status: 'SUBSCRIBED',
      tags: [],
      data: { email_address: 'TYWIN@example.com', company: 'Y' },
    });
  });

  it('changes only what is sent on a partial update, and clears a value sent empty', async () => {
    const { body: first } = await api.post('/v1/contacts', { fields: everyValue, status: 'UNSUBSCRIBED', tags: [1] });
    const { body } = await api.post('/v1/contacts/upsert', {
      email_address: 'tywin@example.com',
      fields: { age: 42, nickname: '' },
      partial_update: true,
    });
    const { nickname: _, ...rest } = everyValue;
    expect(body.data).toMatchObject({
      id: first.data.id,
      status: 'UNSUBSCRIBED',
      tags: [{ id: 1, name: 'newsletter' }],
      data: { ...rest, age: 42 },
    });
  });

  it('refuses a partial update that would empty a required field', async () => {
    await api.post('/v1/contacts', { fields: everyValue, status: 'SUBSCRIBED' });
    const answer = await api.post('/v1/contacts/upsert', {
      email_address: 'tywin@example.com',
      fields: { company: '' },
      partial_update: true,
    });
    expect(answer).toMatchObject({ status: 400, body: error("Field 'Company' is required.") });
  });

  it.each([
    ['no email', { fields: { company: 'X' } }, 'An email address is required.'],
    [
      'a status not in the enum',
      { email_address: 'a@example.com', fields: { company: 'X' }, status: 'NOPE' },
      'The status you provided is not valid.',
    ],
    [
      'a merge tag the workspace lacks',
      { email_address: 'a@example.com', fields: { shoe_size: 9 } },
      'We were unable to find a field with the merge_tag shoe_size',
    ],
    [
      'a wrong value',
      { email_address: 'a@example.com', fields: { company: 'X', age: 'old' } },
      "Field 'Age' must be a number.",
    ],
    [
      'a different email among the fields',
      { email_address: 'a@example.com', fields: { company: 'X', email_address: 'b@example.com' } },
      'Validation error',
    ],
  ])('refuses %s', async (_, body, message) => {
    expect(await api.post('/v1/contacts/upsert', body)).toMatchObject({ status: 400, body: error(message) });
  });
});

describe('GET /v1/contacts/by-email', () => {
  it('finds a contact whatever the case of the address', async () => {
    const { body: created } = await api.post('/v1/contacts', { fields: everyValue, status: 'SUBSCRIBED' });
    const { status, body } = await api.get('/v1/contacts/by-email?email=Tywin%40Example.com');
    expect(status).toBe(200);
    expect(body.data).toEqual(created.data);
  });

  it('asks for an email when none is given', async () => {
    for (const query of ['', '?email=', '?email=%20']) {
      const answer = await api.get(`/v1/contacts/by-email${query}`);
      expect(answer).toMatchObject({
        status: 400,
        body: error('Email address is required. Please provide a valid email address.'),
      });
    }
  });

  it('answers 404 for an address no contact has', async () => {
    const answer = await api.get('/v1/contacts/by-email?email=nobody@example.com');
    expect(answer).toMatchObject({ status: 404, body: error("We couldn't find a contact with that email address.") });
  });
});

describe('POST /v1/contacts/:id/tags/add and /tags/remove', () => {
  async function existing() {
    return (await api.post('/v1/contacts', { fields: everyValue, status: 'SUBSCRIBED', tags: [1] })).body.data;
  }

  it('adds tags, ignoring ones the contact has, and removes them', async () => {
    const contact = await existing();
    const added = await api.post(`/v1/contacts/${contact.id}/tags/add`, { tag_ids: [1, 2] });
    expect(added.status).toBe(200);
    expect(added.body.data.tags).toEqual([
      { id: 1, name: 'newsletter' },
      { id: 2, name: 'customer' },
    ]);
    const removed = await api.post(`/v1/contacts/${contact.id}/tags/remove`, { tag_ids: [1] });
    expect(removed.body.data.tags).toEqual([{ id: 2, name: 'customer' }]);
  });

  it.each(['add', 'remove'])('%s: refuses what the contract refuses', async (change) => {
    const contact = await existing();
    expect(await api.post(`/v1/contacts/nope/tags/${change}`, { tag_ids: [1] })).toMatchObject({
      status: 404,
      body: error(`There is no POST /v1/contacts/nope/tags/${change} in the CampaignLark API.`),
    });
    for (const body of [{}, { tag_ids: [] }, { tag_ids: 'all' }]) {
      expect(await api.post(`/v1/contacts/${contact.id}/tags/${change}`, body)).toMatchObject({
        status: 400,
        body: error('Please provide at least one tag ID to add or remove.'),
      });
    }
    expect(await api.post(`/v1/contacts/${contact.id}/tags/${change}`, { tag_ids: [2, 404] })).toMatchObject({
      status: 400,
      body: error('Tag ID 404 does not exist in this workspace'),
    });
    expect(await api.post(`/v1/contacts/64f1a2b3c4d5e6f7a8b9c0d1/tags/${change}`, { tag_ids: [1] })).toMatchObject({
      status: 404,
      body: error("We couldn't find the contact."),
    });
    expect((await api.get('/v1/contacts/by-email?email=tywin@example.com')).body.data.tags).toEqual([
      { id: 1, name: 'newsletter' },
    ]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { addSegment, error, sandbox, type Sandbox } from './sandbox-client.ts';

let api: Sandbox;
const validation = error('Validation error');

beforeEach(() => {
  api = sandbox();
});

describe('GET /v1/tags', () => {
  it('pages the tags, 50 by default, 1 to 100 per page', async () => {
    for (let n = 1; n <= 58; n++) await api.post('/v1/tags', { name: `tag ${n}` });
    const { body } = await api.get('/v1/tags');
    expect(body.data.tags).toHaveLength(50);
    expect(body.data.pagination).toEqual({ current_page: 1, per_page: 50, total_pages: 2, total_count: 60 });
    const { body: second } = await api.get('/v1/tags?page=2&limit=50');
    expect(second.data.tags.map((tag: { name: string }) => tag.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `tag ${49 + i}`),
    );
    expect((await api.get('/v1/tags?limit=100')).body.data.tags).toHaveLength(60);
    expect((await api.get('/v1/tags?limit=1')).body.data.pagination.total_pages).toBe(60);
    for (const query of ['limit=0', 'limit=101', 'page=0', 'page=x']) {
      expect(await api.get(`/v1/tags?${query}`)).toMatchObject({ status: 400, body: validation });
    }
  });
});

describe('POST /v1/tags', () => {
  it('creates a tag with and without a description', async () => {
    expect(await api.post('/v1/tags', { name: 'vip', description: 'Spends a lot' })).toMatchObject({
      status: 201,
      body: { data: { id: 3, name: 'vip', description: 'Spends a lot' } },
    });
    expect((await api.post('/v1/tags', { name: 'x'.repeat(64) })).body.data).toMatchObject({ id: 4, description: '' });
  });

  it.each([
    ['name missing', { description: 'x' }],
    ['name empty', { name: ' ' }],
    ['name over 64', { name: 'x'.repeat(65) }],
    ['description over 96', { name: 'vip', description: 'x'.repeat(97) }],
    ['name already used, in any case', { name: 'Newsletter' }],
  ])('refuses %s with Validation error', async (_, body) => {
    expect(await api.post('/v1/tags', body)).toMatchObject({ status: 400, body: validation });
  });
});

describe('PATCH /v1/tags/:id', () => {
  it('renames a tag and keeps its description unless one is sent', async () => {
    expect((await api.patch('/v1/tags/1', { name: 'monthly' })).body.data).toEqual({
      id: 1,
      name: 'monthly',
      description: 'Receives the monthly newsletter',
    });
    expect((await api.patch('/v1/tags/1', { name: 'monthly', description: '' })).body.data.description).toBe('');
  });

  it("refuses a missing name or another tag's name, and answers 404 for no such tag", async () => {
    expect(await api.patch('/v1/tags/1', { description: 'x' })).toMatchObject({ status: 400, body: validation });
    expect(await api.patch('/v1/tags/1', { name: 'CUSTOMER' })).toMatchObject({ status: 400, body: validation });
    expect(await api.patch('/v1/tags/9', { name: 'z' })).toMatchObject({
      status: 404,
      body: error('We were unable to find the tag.'),
    });
  });
});

describe('DELETE /v1/tags/:id', () => {
  it('deletes the tag and takes it off contacts', async () => {
    await api.post('/v1/contacts', { fields: { email_address: 'a@example.com' }, status: 'SUBSCRIBED', tags: [1, 2] });
    expect(await api.del('/v1/tags/1')).toMatchObject({
      status: 200,
      body: { data: 'The tag has been deleted successfully.' },
    });
    expect((await api.get('/v1/contacts/by-email?email=a@example.com')).body.data.tags).toEqual([
      { id: 2, name: 'customer' },
    ]);
    expect(await api.del('/v1/tags/1')).toMatchObject({ status: 404, body: error('We were unable to find the tag.') });
  });

  it('refuses while segments use the tag', async () => {
    addSegment(api.store, 'Readers', { tagIds: [1] });
    expect(await api.del('/v1/tags/1')).toMatchObject({
      status: 400,
      body: error("Cannot delete this tag because it is being used in the 'Readers' segment."),
    });
    addSegment(api.store, 'Buyers', { tagIds: [1, 2] });
    expect(await api.del('/v1/tags/1')).toMatchObject({
      status: 400,
      body: error('Cannot delete this tag because it is being used in 2 segments.'),
    });
  });
});

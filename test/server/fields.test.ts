import { beforeEach, describe, expect, it } from 'vitest';
import { addSegment, error, sandbox, setTransferInProgress, type Sandbox } from './sandbox-client.ts';

const validation = error('Validation error');
const colour = { label: 'Colour', merge_tag: 'colour', type: 'DROPDOWN_SINGLE', definition: 'Red,Blue,Green' };

let api: Sandbox;
beforeEach(() => {
  api = sandbox();
});

describe('a new workspace', () => {
  it('has the email, first name and last name fields', async () => {
    const { status, body } = await api.get('/v1/fields');
    expect(status).toBe(200);
    expect(body.data).toEqual([
      {
        id: 1,
        label: 'Email Address',
        merge_tag: 'email_address',
        type: 'TEXT',
        definition: '',
        default_value: '',
        order: 0,
        immutable: true,
        required: true,
      },
      {
        id: 2,
        label: 'First Name',
        merge_tag: 'first_name',
        type: 'TEXT',
        definition: '',
        default_value: '',
        order: 1,
        immutable: false,
        required: false,
      },
      {
        id: 3,
        label: 'Last Name',
        merge_tag: 'last_name',
        type: 'TEXT',
        definition: '',
        default_value: '',
        order: 2,
        immutable: false,
        required: false,
      },
    ]);
  });

  it('has two tags', async () => {
    const { body } = await api.get('/v1/tags');
    expect(body.data.tags.map((tag: { name: string }) => tag.name)).toEqual(['newsletter', 'customer']);
  });
});

describe('POST /v1/fields', () => {
  it('creates a field of each type with the next order, mutable, not required by default', async () => {
    const types = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'COUNTRY'];
    for (const [index, type] of types.entries()) {
      const definition = type.startsWith('DROPDOWN') ? 'A,B' : undefined;
      const { status, body } = await api.post('/v1/fields', {
        label: `Field ${index}`,
        merge_tag: `field_${'abcdefg'[index]}`,
        type,
        definition,
      });
      expect(status).toBe(201);
      expect(body.data).toMatchObject({
        id: 4 + index,
        type,
        order: 3 + index,
        immutable: false,
        required: false,
        default_value: '',
      });
      expect(body.data.definition).toBe(definition ?? '');
    }
    const { body } = await api.get('/v1/fields');
    expect(body.data).toHaveLength(10);
  });

  it('keeps required and default_value, and stores dropdown options trimmed without repeats', async () => {
    const { body } = await api.post('/v1/fields', {
      ...colour,
      definition: ' Red, Blue ,red,,Green',
      default_value: 'Blue',
      required: true,
    });
    expect(body.data).toMatchObject({ definition: 'Red,Blue,Green', default_value: 'Blue', required: true });
  });

  it.each([
    ['label missing', { merge_tag: 'a_b', type: 'TEXT' }],
    ['label empty', { label: '', merge_tag: 'a_b', type: 'TEXT' }],
    ['label only spaces', { label: '   ', merge_tag: 'a_b', type: 'TEXT' }],
    ['label over 32', { label: 'x'.repeat(33), merge_tag: 'a_b', type: 'TEXT' }],
    ['merge_tag missing', { label: 'A', type: 'TEXT' }],
    ['merge_tag with capitals', { label: 'A', merge_tag: 'Abc', type: 'TEXT' }],
    ['merge_tag with digits', { label: 'A', merge_tag: 'abc1', type: 'TEXT' }],
    ['merge_tag of one letter', { label: 'A', merge_tag: 'a', type: 'TEXT' }],
    ['merge_tag over 16', { label: 'A', merge_tag: 'a'.repeat(17), type: 'TEXT' }],
    ['type missing', { label: 'A', merge_tag: 'a_b' }],
    ['type unknown', { label: 'A', merge_tag: 'a_b', type: 'EMAIL' }],
    ['an old type name', { label: 'A', merge_tag: 'a_b', type: 'BOOL' }],
    ['dropdown without definition', { label: 'A', merge_tag: 'a_b', type: 'DROPDOWN_SINGLE' }],
    ['dropdown with one option', { label: 'A', merge_tag: 'a_b', type: 'DROPDOWN_MULTIPLE', definition: 'Red' }],
    [
      'dropdown with one option twice',
      { label: 'A', merge_tag: 'a_b', type: 'DROPDOWN_SINGLE', definition: 'Red,red, Red' },
    ],
    ['label already used', { label: 'First Name', merge_tag: 'a_b', type: 'TEXT' }],
    ['label already used in another case', { label: 'first name ', merge_tag: 'a_b', type: 'TEXT' }],
    ['merge_tag already used', { label: 'A', merge_tag: 'first_name', type: 'TEXT' }],
    ['an immutable field', { label: 'A', merge_tag: 'a_b', type: 'TEXT', immutable: true }],
    ['required not a boolean', { label: 'A', merge_tag: 'a_b', type: 'TEXT', required: 'yes' }],
    ['default_value not a string', { label: 'A', merge_tag: 'a_b', type: 'NUMBER', default_value: 4 }],
    ['a body that is not an object', []],
  ])('refuses %s with Validation error', async (_, body) => {
    const answer = await api.post('/v1/fields', body);
    expect(answer).toMatchObject({ status: 400, body: validation });
    expect((await api.get('/v1/fields')).body.data).toHaveLength(3);
  });

  it('accepts a 32-character label and a 16-character merge tag, counting an emoji as one', async () => {
    const label = `${'x'.repeat(31)}🎉`;
    const { status } = await api.post('/v1/fields', { label, merge_tag: 'a'.repeat(16), type: 'TEXT' });
    expect(status).toBe(201);
  });

  it('refuses while an import or export runs', async () => {
    setTransferInProgress(api.store, true);
    expect(await api.post('/v1/fields', colour)).toMatchObject({ status: 400, body: validation });
  });

  it('answers a body that is not JSON plainly', async () => {
    const answer = await api.call('POST', '/v1/fields', '{"label": ');
    expect(answer).toMatchObject({ status: 400, body: error('The request body is not valid JSON.') });
  });
});

describe('PATCH /v1/fields/:id', () => {
  it('updates label, merge tag, options, default and required', async () => {
    const { body: created } = await api.post('/v1/fields', colour);
    const { status, body } = await api.patch(`/v1/fields/${created.data.id}`, {
      label: 'Favourite colour',
      merge_tag: 'fav_colour',
      type: 'DROPDOWN_SINGLE',
      definition: 'Red,Blue,Green,Violet',
      default_value: 'Violet',
      required: true,
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({
      ...created.data,
      label: 'Favourite colour',
      merge_tag: 'fav_colour',
      definition: 'Red,Blue,Green,Violet',
      default_value: 'Violet',
      required: true,
    });
  });

  it('keeps what the body leaves out', async () => {
    const { body: created } = await api.post('/v1/fields', { ...colour, default_value: 'Red', required: true });
    const { body } = await api.patch(`/v1/fields/${created.data.id}`, {
      label: 'Hue',
      merge_tag: 'colour',
      type: 'DROPDOWN_SINGLE',
    });
    expect(body.data).toEqual({ ...created.data, label: 'Hue' });
  });

  it("carries contacts' values over to a new merge tag", async () => {
    const { body: created } = await api.post('/v1/fields', {
      label: 'Tags',
      merge_tag: 'hues',
      type: 'DROPDOWN_MULTIPLE',
      definition: 'Red,Blue',
    });
    await api.post('/v1/contacts', {
      fields: { email_address: 'a@example.com', hues: ['Blue', 'Red'] },
      status: 'SUBSCRIBED',
    });
    await api.patch(`/v1/fields/${created.data.id}`, {
      label: 'Tags',
      merge_tag: 'colours',
      type: 'DROPDOWN_MULTIPLE',
    });
    const { body } = await api.get('/v1/contacts/by-email?email=a@example.com');
    expect(body.data.data).toEqual({ email_address: 'a@example.com', colours: ['Blue', 'Red'] });
  });

  it('answers 404 for a field that does not exist, and for an id that is no field id', async () => {
    expect(await api.patch('/v1/fields/999', colour)).toMatchObject({
      status: 404,
      body: error('We were unable to find the field.'),
    });
    for (const id of ['abc', '0']) {
      expect(await api.patch(`/v1/fields/${id}`, colour)).toMatchObject({
        status: 404,
        body: error(`There is no PATCH /v1/fields/${id} in the CampaignLark API.`),
      });
    }
  });

  it('refuses to change an immutable field', async () => {
    const answer = await api.patch('/v1/fields/1', { label: 'Email', merge_tag: 'email_address', type: 'TEXT' });
    expect(answer).toMatchObject({ status: 400, body: error('This field is immutable and cannot be updated.') });
  });

  it('refuses to change the type', async () => {
    const answer = await api.patch('/v1/fields/2', { label: 'First Name', merge_tag: 'first_name', type: 'NUMBER' });
    expect(answer).toMatchObject({ status: 400, body: error('The type of the field cannot be changed.') });
  });

  it.each([
    ['label missing', { merge_tag: 'first_name', type: 'TEXT' }],
    ['merge_tag missing', { label: 'First', type: 'TEXT' }],
    ['type missing', { label: 'First', merge_tag: 'first_name' }],
    ['label of another field', { label: 'Last Name', merge_tag: 'first_name', type: 'TEXT' }],
    ['merge tag of another field', { label: 'First', merge_tag: 'last_name', type: 'TEXT' }],
  ])('refuses %s with Validation error', async (_, body) => {
    expect(await api.patch('/v1/fields/2', body)).toMatchObject({ status: 400, body: validation });
  });

  it('lets a field keep its own label and merge tag', async () => {
    const { status } = await api.patch('/v1/fields/2', {
      label: 'First Name',
      merge_tag: 'first_name',
      type: 'TEXT',
      required: true,
    });
    expect(status).toBe(200);
  });

  it('refuses a dropdown update that leaves fewer than two options', async () => {
    const { body } = await api.post('/v1/fields', colour);
    const answer = await api.patch(`/v1/fields/${body.data.id}`, { ...colour, definition: 'Red' });
    expect(answer).toMatchObject({ status: 400, body: validation });
  });
});

describe('DELETE /v1/fields/:id', () => {
  it('deletes the field and the values contacts held in it', async () => {
    await api.post('/v1/contacts', {
      fields: { email_address: 'a@example.com', first_name: 'Ann' },
      status: 'SUBSCRIBED',
    });
    const answer = await api.del('/v1/fields/2');
    expect(answer).toMatchObject({ status: 200, body: { data: 'The field has been deleted successfully.' } });
    expect((await api.get('/v1/fields')).body.data.map((field: { id: number }) => field.id)).toEqual([1, 3]);
    const { body } = await api.get('/v1/contacts/by-email?email=a@example.com');
    expect(body.data.data).toEqual({ email_address: 'a@example.com' });
  });

  it('refuses to delete an immutable field', async () => {
    expect(await api.del('/v1/fields/1')).toMatchObject({
      status: 400,
      body: error('This field is immutable and cannot be deleted.'),
    });
  });

  it('names the one segment that uses the field', async () => {
    addSegment(api.store, 'Londoners', { fieldIds: [2] });
    const answer = await api.del('/v1/fields/2');
    expect(answer).toMatchObject({
      status: 400,
      body: error("Cannot delete this field because it is being used in the 'Londoners' segment."),
    });
  });

  it('counts the segments when several use the field', async () => {
    addSegment(api.store, 'Londoners', { fieldIds: [2] });
    addSegment(api.store, 'Parisians', { fieldIds: [2, 3] });
    addSegment(api.store, 'Berliners', { fieldIds: [2] });
    const answer = await api.del('/v1/fields/2');
    expect(answer).toMatchObject({
      status: 400,
      body: error('Cannot delete this field because it is being used in 3 segments.'),
    });
  });

  it('refuses while an import or export runs', async () => {
    setTransferInProgress(api.store, true);
    expect(await api.del('/v1/fields/2')).toMatchObject({ status: 400, body: validation });
  });

  it('answers 404 for a field that does not exist', async () => {
    expect(await api.del('/v1/fields/77')).toMatchObject({
      status: 404,
      body: error('We were unable to find the field.'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src/api/schemas.ts';
import { changesOf, rebase, STATUS_KEY, writeOf } from '../../../../src/features/contacts/contact-changes.ts';
import type { ContactFormValues, KnownField } from '../../../../src/field-types/contact-values.ts';

const field = (merge_tag: string, type: KnownField['type'], definition = ''): KnownField => ({
  id: merge_tag.length,
  label: merge_tag,
  merge_tag,
  type,
  raw_type: type,
  definition,
  default_value: '',
  order: 0,
  immutable: false,
  required: false,
});

const FIELDS = [
  field('email_address', 'TEXT'),
  field('company', 'TEXT'),
  field('age', 'NUMBER'),
  field('topics', 'DROPDOWN_MULTIPLE', 'A,B,C'),
];

const form = (values: Record<string, unknown>, more: Partial<ContactFormValues> = {}): ContactFormValues => ({
  status: 'SUBSCRIBED',
  tags: [1],
  values: {
    email_address: 'a@example.com',
    company: 'Initech',
    age: '40',
    topics: ['A'],
    ...values,
  } as ContactFormValues['values'],
  ...more,
});

const stored = (data: Record<string, unknown>): Contact => ({
  id: 'abcdefabcdefabcdefabcdef',
  status: 'SUBSCRIBED',
  tags: [],
  data: { email_address: 'a@example.com', ...data },
  statistics: {},
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe('changesOf', () => {
  it('finds changed values, the status, and tags as sets; a reordered multiple choice is no change', () => {
    const base = form({ topics: ['A', 'B'] });
    expect(changesOf(FIELDS, base, form({ topics: ['B', 'A'] }))).toEqual({ values: {} });
    expect(
      changesOf(FIELDS, base, form({ company: 'Acme', topics: ['A', 'B'] }, { status: 'UNSUBSCRIBED', tags: [2] })),
    ).toEqual({
      values: { company: 'Acme' },
      status: 'UNSUBSCRIBED',
      tags: { added: [2], removed: [1] },
    });
  });
});

describe('rebase', () => {
  it('keeps values nobody here touched as they are now, and the admin’s own changes', () => {
    const result = rebase(FIELDS, form({}), form({ company: 'Acme' }), form({ age: '41' }, { tags: [1, 3] }));
    expect(result.conflicts).toEqual({});
    expect(result.form.values).toMatchObject({ company: 'Acme', age: '41' });
    expect(result.form.tags).toEqual([1, 3]);
    expect(result.base.values.company).toBe('Initech');
  });

  it('is a conflict only when both changed a value to different things', () => {
    const mine = form({ company: 'Acme', age: '50' }, { status: 'UNSUBSCRIBED' });
    const theirs = form({ company: 'Globex', age: '50' }, { status: 'CLEANED' });
    const result = rebase(FIELDS, form({}), mine, theirs);
    expect(result.conflicts).toEqual({ company: 'Globex', [STATUS_KEY]: 'CLEANED' });
    expect(result.form.values.company).toBe('Acme');
    // The conflicting value keeps its old base, so the next save still sees the admin's change.
    expect(result.base.values.company).toBe('Initech');
    expect(changesOf(FIELDS, result.base, result.form).values).toEqual({ company: 'Acme' });
  });

  it('applies tag additions and removals to the tags as they are now', () => {
    const result = rebase(FIELDS, form({}, { tags: [1, 2] }), form({}, { tags: [2, 5] }), form({}, { tags: [2, 7] }));
    expect(result.form.tags).toEqual([2, 7, 5]);
  });
});

describe('writeOf', () => {
  const workspace = new Set(['email_address', 'company', 'age', 'topics', 'phone']);

  it('patches only the changes by the current address, clearing with null, and tags as added and removed', () => {
    const base = form({});
    const mine = form({ company: 'Acme', age: '' }, { tags: [2] });
    const write = writeOf(FIELDS, { base, form: mine }, stored({ company: 'Initech', age: 40, phone: 'x' }), workspace);
    expect(write).toEqual({
      kind: 'patch',
      id: 'abcdefabcdefabcdefabcdef',
      email: 'a@example.com',
      fields: { company: 'Acme', age: null },
      tags: { added: [2], removed: [1] },
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(writeOf(FIELDS, { base: form({}), form: form({}) }, stored({}), workspace)).toBeNull();
  });

  it('replaces the whole record as stored now for a new address, with every workspace field and no others', () => {
    const mine = form({ email_address: 'b@example.com', age: '' });
    const write = writeOf(
      FIELDS,
      { base: form({}), form: mine },
      stored({ company: 'Globex', age: 40, phone: '555', gone: 'from a deleted field' }),
      workspace,
    );
    expect(write).toEqual({
      kind: 'replace',
      id: 'abcdefabcdefabcdefabcdef',
      // The address as stored, for the audit's read of the contact before it changes.
      email: 'a@example.com',
      input: {
        fields: { company: 'Globex', phone: '555', email_address: 'b@example.com' },
        tags: [1],
        status: 'SUBSCRIBED',
      },
    });
  });

  it('keeps a merge tag named like an object property as data', () => {
    const fields = [...FIELDS, field('constructor', 'TEXT')];
    expect(changesOf(fields, form({}), form({}))).toEqual({ values: {} });
    expect(changesOf(fields, form({}), form({ constructor: 'x' })).values).toEqual({ constructor: 'x' });
  });
});

import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/api/schemas.ts';
import {
  contactFormSchema,
  emptyContact,
  encodeContact,
  type KnownField,
} from '../../../src/field-types/contact-values.ts';

let nextId = 1;
function field(merge_tag: string, type: KnownField['type'], extra: Partial<Field> = {}): KnownField {
  return {
    id: nextId++,
    label: merge_tag,
    merge_tag,
    type,
    raw_type: type,
    definition: '',
    default_value: '',
    order: nextId,
    immutable: false,
    required: false,
    ...extra,
  } as KnownField;
}

const FIELDS: KnownField[] = [
  field('email_address', 'TEXT', { label: 'Email Address', required: true, immutable: true }),
  field('nickname', 'TEXT', { label: 'Nickname', default_value: 'Friend' }),
  field('age', 'NUMBER', { label: 'Age', required: true }),
  field('vip', 'BOOLEAN', { label: 'VIP', default_value: 'true' }),
  field('birthday', 'DATE', { label: 'Birthday' }),
  field('plan', 'DROPDOWN_SINGLE', { label: 'Plan', definition: 'Free,Pro', default_value: 'Gold' }),
  field('colours', 'DROPDOWN_MULTIPLE', { label: 'Colours', definition: 'Red,Blue', default_value: 'Blue' }),
  field('country', 'COUNTRY', { label: 'Country', default_value: 'fr' }),
  field('type', 'TEXT', { label: 'Type' }),
];

describe("the contact form's starting values", () => {
  it('parse each default by type, ignore a default that does not fit, and start SUBSCRIBED with no tags', () => {
    expect(emptyContact(FIELDS)).toEqual({
      status: 'SUBSCRIBED',
      tags: [],
      values: {
        email_address: '',
        nickname: 'Friend',
        age: '',
        vip: true,
        birthday: '',
        plan: '',
        colours: ['Blue'],
        country: 'FR',
        type: '',
      },
    });
  });
});

describe('the runtime schema', () => {
  const schema = contactFormSchema(FIELDS);
  const valid = {
    status: 'SUBSCRIBED',
    tags: [2],
    values: { ...emptyContact(FIELDS).values, email_address: 'ann@example.com', age: '41' },
  };
  const problems = (values: object) => {
    const result = schema.safeParse({ ...valid, values: { ...valid.values, ...values } });
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('accepts a complete contact', () => {
    expect(problems({})).toEqual([]);
  });

  it('asks for the email and every required field, at their own paths', () => {
    expect(problems({ email_address: ' ', age: '' })).toEqual([
      ['values.email_address', 'Email Address is required.'],
      ['values.age', 'Age is required.'],
    ]);
  });

  it('checks the email is plausible, numbers, dates, options and countries', () => {
    expect(
      problems({
        email_address: 'ann@',
        age: '4o',
        birthday: '2023-02-29',
        plan: 'Gold',
        colours: ['Pink'],
        country: 'XX',
      }),
    ).toEqual([
      ['values.email_address', 'Enter an email address, such as name@example.com.'],
      ['values.age', 'Enter a number, such as 42 or -3.5.'],
      ['values.birthday', 'Enter a real date, written YYYY-MM-DD.'],
      ['values.plan', 'Choose one of the options in the list.'],
      ['values.colours', 'Remove what is no longer an option: Pink.'],
      ['values.country', 'Choose a country from the list.'],
    ]);
  });

  it('keeps a merge tag named like a form-library word under values, where it cannot clash', () => {
    expect(schema.safeParse({ ...valid, values: { ...valid.values, type: 'anything' } }).success).toBe(true);
  });

  it('refuses a status the API does not take', () => {
    expect(schema.safeParse({ ...valid, status: 'BOUNCED' }).success).toBe(false);
  });
});

describe('encodeContact', () => {
  it('writes each value as the contract says and leaves empty optional ones out', () => {
    const form = {
      status: 'UNCONFIRMED' as const,
      tags: [1, 3],
      values: {
        email_address: 'ann@example.com',
        nickname: '  ',
        age: '-4.5',
        vip: false,
        birthday: '1990-05-01',
        plan: 'Pro',
        colours: [],
        country: 'DE',
        type: 'x',
      },
    };
    expect(encodeContact(FIELDS, form)).toEqual({
      status: 'UNCONFIRMED',
      tags: [1, 3],
      fields: {
        email_address: 'ann@example.com',
        age: -4.5,
        vip: false,
        birthday: '1990-05-01',
        plan: 'Pro',
        country: 'DE',
        type: 'x',
      },
    });
  });

  it('sends nothing for fields no longer in the list', () => {
    const form = {
      ...emptyContact(FIELDS),
      values: { ...emptyContact(FIELDS).values, email_address: 'a@b.co', gone: 'x' },
    };
    expect(Object.keys(encodeContact(FIELDS, form).fields)).not.toContain('gone');
  });
});

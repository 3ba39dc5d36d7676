import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { formResolver } from '../../../src/lib/form-resolver.ts';

const options = { fields: {}, shouldUseNativeValidation: false };

const schema = z
  .object({ values: z.object({ age: z.string(), city: z.string() }), options: z.array(z.object({ value: z.string() })) })
  .check(
    z.superRefine((form, context) => {
      if (form.values.age === '') context.addIssue({ code: 'custom', path: ['values', 'age'], message: 'Age is required.' });
      if (form.values.age === '') context.addIssue({ code: 'custom', path: ['values', 'age'], message: 'A second problem.' });
      form.options.forEach((option, index) => {
        if (option.value === '') context.addIssue({ code: 'custom', path: ['options', index, 'value'], message: 'Name the option.' });
      });
      if (form.options.length < 3) context.addIssue({ code: 'custom', path: ['options'], message: 'Add at least 3 options.' });
    }),
  );

describe('formResolver', () => {
  it('answers the parsed values when all is well', async () => {
    const values = { values: { age: '3', city: '' }, options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] };
    expect(await formResolver(schema)(values, undefined, options)).toEqual({ values, errors: {} });
  });

  it('puts the first message at each input, nested as the form names it, with a list’s own message beside its items’', async () => {
    const result = await formResolver(schema)({ values: { age: '', city: 'x' }, options: [{ value: 'a' }, { value: '' }] }, undefined, options);
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      values: { age: { type: 'custom', message: 'Age is required.' } },
      options: { 1: { value: { type: 'custom', message: 'Name the option.' } }, type: 'custom', message: 'Add at least 3 options.' },
    });
  });

  it('reports a wrong type at its input', async () => {
    const result = await formResolver(schema)({ values: { age: 3, city: 'x' }, options: [] } as never, undefined, options);
    expect(result.errors).toMatchObject({ values: { age: { type: 'invalid_type' } } });
  });
});

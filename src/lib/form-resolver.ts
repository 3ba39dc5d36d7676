/**
 * react-hook-form's resolver for a zod schema: the parsed values, or the first message for each
 * input. Ours rather than @hookform/resolvers', whose error mapping tests every error against
 * every input's name with a freshly built regular expression: 45 ms of a 500-field form's submit.
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';

type ErrorNode = { type?: string; message?: string; [key: string]: unknown };

export function formResolver<T extends FieldValues>(schema: z.ZodMiniType<T, T>): Resolver<T> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: ErrorNode = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const last = path.pop();
      if (last === undefined) continue;
      let node = errors;
      for (const key of path) node = (node[key] ??= {}) as ErrorNode;
      // A list can carry its own message beside its items' (the options editor shows both).
      const existing = node[last] as ErrorNode | undefined;
      if (existing?.message) continue;
      node[last] = Object.assign(existing ?? {}, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}

/** The checks of a tag's name and description, mirroring the contract so `Validation error` is rare. */
import * as z from 'zod/mini';
import type { Tag } from '../../api/schemas.ts';
import { characterCount, uniquenessKey } from '../../contract/field-types.ts';
import { TAG_DESCRIPTION_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from '../../contract/tags.ts';

export function tagNameProblem(name: string, others: readonly Tag[]): string | null {
  const text = name.trim();
  if (text === '') return 'Enter a name.';
  const length = characterCount(text);
  if (length > TAG_NAME_MAX_LENGTH)
    return `Keep the name to ${TAG_NAME_MAX_LENGTH} characters; this one has ${length}.`;
  const clash = others.find((tag) => uniquenessKey(tag.name) === uniquenessKey(text));
  return clash ? `There is already a tag “${clash.name}”.` : null;
}

export function tagDescriptionProblem(description: string): string | null {
  const length = characterCount(description.trim());
  return length > TAG_DESCRIPTION_MAX_LENGTH
    ? `Keep the description to ${TAG_DESCRIPTION_MAX_LENGTH} characters; this one has ${length}.`
    : null;
}

/** The contract's causes of a bare `Validation error` on Create/Update Tag. */
export const TAG_VALIDATION_CAUSES = [
  'the name is missing, empty or longer than 64 characters',
  'another tag already has the name',
  'the description is longer than 96 characters',
] as const;

export interface TagFormValues {
  name: string;
  description: string;
}

/** The tag form's checks; `others`: every tag but the one being edited, for uniqueness. */
export function tagFormSchema(others: readonly Tag[]) {
  return z.object({ name: z.string(), description: z.string() }).check(
    z.superRefine((values, context) => {
      const name = tagNameProblem(values.name, others);
      if (name) context.addIssue({ code: 'custom', path: ['name'], message: name });
      const description = tagDescriptionProblem(values.description);
      if (description) context.addIssue({ code: 'custom', path: ['description'], message: description });
    }),
  );
}

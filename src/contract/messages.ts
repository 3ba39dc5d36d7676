/**
 * Every message the API answers with, worded exactly as the contract gives it, and the few this
 * project words itself where the reference is silent (marked "decision"). The sandbox answers
 * with these and the SPA's error mapper recognises them, so the two cannot drift apart.
 */

export const messages = {
  // Authentication, from the reference.
  missingKey: 'Please provide a valid API key in the Authorization header.',
  invalidKey: 'The API key you provided is invalid or has been revoked.',
  ipNotAllowed: 'Your IP address is not authorized to use this API key.',

  validation: 'Validation error',

  fieldNotFound: 'We were unable to find the field.',
  fieldImmutableUpdate: 'This field is immutable and cannot be updated.',
  fieldImmutableDelete: 'This field is immutable and cannot be deleted.',
  fieldTypeChange: 'The type of the field cannot be changed.',
  fieldDeleted: 'The field has been deleted successfully.',
  fieldInSegment: (segment: string) => `Cannot delete this field because it is being used in the '${segment}' segment.`,
  fieldInSegments: (count: number) => `Cannot delete this field because it is being used in ${count} segments.`,

  contactNoFields: 'Please provide at least one field for the contact.',
  contactStatusRequired: 'Contact status is required.',
  statusInvalid: 'The status you provided is not valid.',
  emailRequired: 'An email address is required.',
  fieldRequired: (label: string) => `Field '${label}' is required.`,
  unknownMergeTag: (mergeTag: string) => `We were unable to find a field with the merge_tag ${mergeTag}`,
  contactIdInvalid: 'The contact ID you provided is not valid.',
  updateNoFields: 'Please provide at least one field to update.',
  updateStatusRequired: 'Please provide a status.',
  byEmailRequired: 'Email address is required. Please provide a valid email address.',
  byEmailNotFound: "We couldn't find a contact with that email address.",
  tagIdsRequired: 'Please provide at least one tag ID to add or remove.',
  tagIdUnknown: (id: number) => `Tag ID ${id} does not exist in this workspace`,

  tagNotFound: 'We were unable to find the tag.',
  tagDeleted: 'The tag has been deleted successfully.',
  // Decision: "segment-use errors as for fields", with the tag named as a tag.
  tagInSegment: (segment: string) => `Cannot delete this tag because it is being used in the '${segment}' segment.`,
  tagInSegments: (count: number) => `Cannot delete this tag because it is being used in ${count} segments.`,

  // Decisions where the reference publishes no wording.
  contactNotFound: "We couldn't find the contact.",
  contactEmailTaken: 'A contact with this email address already exists.',
  fieldValueInvalid: (label: string, expected: string) => `Field '${label}' must be ${expected}.`,
  bodyNotJson: 'The request body is not valid JSON.',
  unknownRoute: (method: string, path: string) => `There is no ${method} ${path} in the CampaignLark API.`,
  rateLimited: 'Too many requests. Please slow down and try again in a moment.',
} as const;

/** What a wrong value must be instead, per type, for `fieldValueInvalid`. */
export const expectedValue = {
  TEXT: 'text',
  NUMBER: 'a number',
  BOOLEAN: 'true or false',
  DATE: 'a date written YYYY-MM-DD',
  DROPDOWN_SINGLE: 'one of its options',
  DROPDOWN_MULTIPLE: 'a list of its options, each at most once',
  COUNTRY: 'a two-letter country code such as GB',
  email: 'a valid email address',
} as const;

const FIELD_MESSAGE = /^Field '(.+)' (?:is required|must be .+)\.$/s;
const UNKNOWN_MERGE_TAG = /^We were unable to find a field with the merge_tag (.+)$/s;

/** The label a `Field '<label>' ...` message names, or null. */
export function labelNamedBy(message: string): string | null {
  return FIELD_MESSAGE.exec(message)?.[1] ?? null;
}

/** The merge tag an unknown-merge-tag message names, or null. */
export function mergeTagNamedBy(message: string): string | null {
  return UNKNOWN_MERGE_TAG.exec(message)?.[1] ?? null;
}

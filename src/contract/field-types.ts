/**
 * Field types, limits and the `definition` format, as the CampaignLark contract states them.
 * The SPA's field-type registry and the sandbox both read these, so a rule changes in one edit.
 */

export const FIELD_TYPES = [
  'TEXT',
  'NUMBER',
  'BOOLEAN',
  'DATE',
  'DROPDOWN_SINGLE',
  'DROPDOWN_MULTIPLE',
  'COUNTRY',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Older pages of the reference name two types differently; they are read, never sent. */
const LEGACY_TYPE_NAMES: Readonly<Record<string, FieldType>> = {
  BOOL: 'BOOLEAN',
  MULTI: 'DROPDOWN_MULTIPLE',
};

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

/** The type as this project knows it, or null for a type it does not know. */
export function readFieldType(raw: string): FieldType | null {
  if (isFieldType(raw)) return raw;
  return LEGACY_TYPE_NAMES[raw] ?? null;
}

export const DROPDOWN_TYPES: readonly FieldType[] = ['DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE'];

export function hasOptions(type: FieldType): boolean {
  return DROPDOWN_TYPES.includes(type);
}

export const LABEL_MAX_LENGTH = 32;
export const MERGE_TAG_MIN_LENGTH = 2;
export const MERGE_TAG_MAX_LENGTH = 16;
export const MERGE_TAG_PATTERN = /^[a-z_]{2,16}$/;
export const MIN_OPTIONS = 2;

/** The email field every workspace has; it cannot be changed or deleted. */
export const EMAIL_MERGE_TAG = 'email_address';

/** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Decision: labels (and tag names) are unique ignoring case and surrounding spaces, so a
 * workspace cannot hold both "Country" and "country ". The client checks with the same key.
 */
export function uniquenessKey(text: string): string {
  return text.trim().toLocaleLowerCase('en-US');
}

/** Options in a `definition` ("Red, Blue,Green"): trimmed, empty ones dropped. */
export function parseDefinition(definition: string): string[] {
  return definition
    .split(',')
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

/** Options without repeats, first spelling kept; repeats are compared ignoring case. */
export function uniqueOptions(options: readonly string[]): string[] {
  const seen = new Set<string>();
  return options.filter((option) => {
    const key = uniquenessKey(option);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatDefinition(options: readonly string[]): string {
  return options.join(',');
}

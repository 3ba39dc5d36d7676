/**
 * How a contact's value of each field type is written in `fields`: the contract's "Decisions"
 * table. The sandbox checks incoming values with `checkValue`; the SPA's registry encodes to
 * exactly these shapes, and its tests hold it to them.
 */
import { isCountryCode } from './countries.ts';
import { parseDefinition, uniquenessKey, type FieldType } from './field-types.ts';

export type WireValue = string | number | boolean | string[];

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 3339 full-date that names a real day (no 2025-02-30). */
export function isFullDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = FULL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC keeps time zones out of it.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export const EMAIL_MAX_LENGTH = 254;

/** Plausible, not proven: one @, a dotted domain, no spaces. Delivery is the real test. */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value);
}

/** Nothing there: what an optional field left empty looks like, in any encoding. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export interface ValueRules {
  type: FieldType;
  definition: string;
}

/** Whether a non-empty value is written the way the contract says for its field's type. */
export function checkValue(field: ValueRules, value: unknown): value is WireValue {
  switch (field.type) {
    case 'TEXT':
      return typeof value === 'string';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'DATE':
      return isFullDate(value);
    case 'DROPDOWN_SINGLE':
      return typeof value === 'string' && parseDefinition(field.definition).includes(value);
    case 'DROPDOWN_MULTIPLE': {
      if (!Array.isArray(value)) return false;
      const options = parseDefinition(field.definition);
      const keys = new Set(value.map((item) => (typeof item === 'string' ? uniquenessKey(item) : item)));
      return keys.size === value.length && value.every((item) => options.includes(item));
    }
    case 'COUNTRY':
      return isCountryCode(value);
  }
}

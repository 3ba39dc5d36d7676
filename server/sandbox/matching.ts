/**
 * Decision: what each search operator means for a stored value, type by type. Text compares
 * ignore case; NOT_EQUALS and NOT_CONTAINS also match contacts with no value, as a person
 * reading "is not Red" expects.
 */
import type { FieldType } from '../../src/contract/field-types.ts';
import type { SearchOperator } from '../../src/contract/search.ts';
import { isEmptyValue } from '../../src/contract/values.ts';

export interface Condition {
  type: FieldType;
  operator: SearchOperator;
  value: unknown;
}

const text = (value: unknown) => String(value).toLocaleLowerCase('en-US');
const truth = (value: unknown) => value === true || value === 'true';
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : String(value).split(',')).map((item) => text(item).trim()).filter(Boolean);

function equal(stored: unknown, wanted: unknown, type: FieldType): boolean {
  switch (type) {
    case 'NUMBER':
      return Number(stored) === Number(wanted);
    case 'BOOLEAN':
      return truth(stored) === truth(wanted);
    case 'DROPDOWN_MULTIPLE': {
      const [have, want] = [new Set(list(stored)), new Set(list(wanted))];
      return have.size === want.size && [...want].every((item) => have.has(item));
    }
    default:
      return text(stored) === text(wanted);
  }
}

function contains(stored: unknown, wanted: unknown, type: FieldType): boolean {
  if (type === 'DROPDOWN_MULTIPLE') {
    const have = new Set(list(stored));
    return list(wanted).every((item) => have.has(item));
  }
  return text(stored).includes(text(wanted));
}

function compare(stored: unknown, wanted: unknown, type: FieldType): number {
  if (type === 'NUMBER') return Number(stored) - Number(wanted);
  const [a, b] = [String(stored), String(wanted)];
  return a < b ? -1 : a > b ? 1 : 0;
}

export function matches(stored: unknown, { type, operator, value }: Condition): boolean {
  const present = !isEmptyValue(stored);
  switch (operator) {
    case 'EXISTS':
      return present;
    case 'EQUALS':
      return present && equal(stored, value, type);
    case 'NOT_EQUALS':
      return !(present && equal(stored, value, type));
    case 'CONTAINS':
      return present && contains(stored, value, type);
    case 'NOT_CONTAINS':
      return !(present && contains(stored, value, type));
    case 'GREATER_THAN':
      return present && compare(stored, value, type) > 0;
    case 'LESS_THAN':
      return present && compare(stored, value, type) < 0;
  }
}

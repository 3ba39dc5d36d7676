import { isFullDate } from '../contract/values.ts';
import { encodeText, textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';

/** "2024-02-15" from "2024-02-15" or "2024-02-15T10:30:00Z"; anything else reads as no date. */
function readDate(stored: unknown): string {
  if (typeof stored !== 'string') return '';
  const day = stored.trim().slice(0, 10);
  return isFullDate(day) ? day : '';
}

export const dateType: FieldTypeSpec<string> = {
  title: 'Date',
  description: 'A calendar day, such as a birthday or a renewal date.',
  empty: '',
  schema: (rules) => textRule(rules, (text) => (isFullDate(text) ? null : 'Enter a real date, written YYYY-MM-DD.')),
  encode: encodeText,
  decode: readDate,
  parseDefault: readDate,
  formatDefault: (value) => value,
  display: (value) => value,
};

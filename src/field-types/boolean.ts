import * as z from 'zod/mini';
import type { FieldTypeSpec } from './spec.ts';

export const TRUE = new Set(['true', 'yes', '1', 'on']);
export const FALSE = new Set(['false', 'no', '0', 'off']);

function readBoolean(stored: unknown): boolean | null {
  if (typeof stored === 'boolean') return stored;
  const text = String(stored ?? '')
    .trim()
    .toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}

export const booleanType: FieldTypeSpec<boolean | null> = {
  title: 'Yes / no',
  description: 'A tick box: yes when ticked, no when not.',
  empty: null,
  // An unticked box is an answer ("no"), so a required yes/no never blocks a form.
  schema: () => z.nullable(z.boolean()),
  // Never touched: left out when optional; a required one says "no".
  encode: (value, rules) => value ?? (rules.required ? false : undefined),
  decode: readBoolean,
  parseDefault: (text) => (text === 'true' ? true : text === 'false' ? false : null),
  formatDefault: (value) => (value === null ? '' : String(value)),
  display: (value) => (value === null ? '' : value ? 'Yes' : 'No'),
};

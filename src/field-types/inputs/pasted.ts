/** A value pasted into a form, read as the import reads a cell (the same from-text readers). */
import type { FieldType } from '../../contract/field-types.ts';
import { fromTextOf } from '../from-text.ts';
import { detectReading } from '../reading.ts';
import type { FormValueByType } from '../spec.ts';

const ANY_RULES = { label: '', required: false, options: [] };

/** The form value for pasted text, or null when the text does not read as this type. */
export function pastedValue<T extends 'NUMBER' | 'COUNTRY'>(type: T, text: string): FormValueByType[T] | null {
  const { reading } = detectReading(type as FieldType, [text.trim()]);
  const read = fromTextOf(type)(text, ANY_RULES, reading);
  return 'value' in read && read.value !== '' ? (read.value as FormValueByType[T]) : null;
}

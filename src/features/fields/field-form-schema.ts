/**
 * The field form's checks: every rule the contract gives for Create and Update Field, so that
 * the API's bare `Validation error` is rare. Uniqueness is checked against the fields loaded.
 */
import * as z from 'zod/mini';
import type { Field } from '../../api/schemas.ts';
import type { FieldInput } from '../../api/fields.ts';
import {
  characterCount,
  FIELD_TYPES,
  formatDefinition,
  hasOptions,
  LABEL_MAX_LENGTH,
  MERGE_TAG_MAX_LENGTH,
  MERGE_TAG_MIN_LENGTH,
  MIN_OPTIONS,
  parseDefinition,
  uniquenessKey,
  type FieldType,
} from '../../contract/field-types.ts';
import { isFormValueOf, specFor } from '../../field-types/registry.ts';
import type { FieldRules, FormValue } from '../../field-types/spec.ts';
import { optionProblems, TOO_FEW_OPTIONS } from './options-rules.ts';

interface OptionRow {
  value: string;
  original?: string;
}

export interface FieldFormValues {
  label: string;
  merge_tag: string;
  type: FieldType | '';
  /** `original`: the option as stored, on rows that came from the field, so a rename is told from a new option. */
  options: OptionRow[];
  default_value: FormValue;
  required: boolean;
}

function labelProblem(label: string, others: readonly Field[]): string | null {
  const text = label.trim();
  if (text === '') return 'Enter a label.';
  const length = characterCount(text);
  if (length > LABEL_MAX_LENGTH) return `Keep the label to ${LABEL_MAX_LENGTH} characters; this one has ${length}.`;
  const clash = others.find((field) => uniquenessKey(field.label) === uniquenessKey(text));
  return clash ? `Another field is already labelled “${clash.label}”.` : null;
}

function mergeTagProblem(tag: string, others: readonly Field[]): string | null {
  if (tag === '') return 'Enter a merge tag.';
  if (!/^[a-z_]*$/.test(tag)) return 'Use only lowercase letters a–z and underscores.';
  if (tag.length < MERGE_TAG_MIN_LENGTH) return `A merge tag has at least ${MERGE_TAG_MIN_LENGTH} characters.`;
  if (tag.length > MERGE_TAG_MAX_LENGTH)
    return `A merge tag has at most ${MERGE_TAG_MAX_LENGTH} characters; this one has ${tag.length}.`;
  const clash = others.find((field) => field.merge_tag === tag);
  return clash ? `“${tag}” is already the merge tag of “${clash.label}”.` : null;
}

/** The options as they will be sent: trimmed, in order. */
export const optionTexts = (options: readonly { value: string }[]) => options.map((option) => option.value.trim());

/** The rules the default value's widget follows: never required, limited to the current options. */
export function defaultRules(type: FieldType, options: readonly { value: string }[]): FieldRules {
  return {
    label: 'Default value',
    required: false,
    options: hasOptions(type) ? optionTexts(options).filter(Boolean) : [],
  };
}

/** `others`: every field but the one being edited. */
export function fieldFormSchema(others: readonly Field[]) {
  return z
    .object({
      label: z.string(),
      merge_tag: z.string(),
      type: z.union([z.enum(FIELD_TYPES), z.literal('')]),
      options: z.array(z.object({ value: z.string(), original: z.optional(z.string()) })),
      default_value: z.custom<FormValue>(() => true),
      required: z.boolean(),
    })
    .check(
      z.superRefine((values, context) => {
        const issue = (path: (string | number)[], message: string | null) => {
          if (message) context.addIssue({ code: 'custom', path, message });
        };
        issue(['label'], labelProblem(values.label, others));
        issue(['merge_tag'], mergeTagProblem(values.merge_tag, others));
        if (values.type === '') {
          issue(['type'], 'Choose a type.');
          return;
        }
        if (hasOptions(values.type)) {
          const texts = optionTexts(values.options);
          for (const problem of optionProblems(texts)) issue(['options', problem.index, 'value'], problem.message);
          if (texts.filter(Boolean).length < MIN_OPTIONS) issue(['options'], TOO_FEW_OPTIONS);
        }
        const check = specFor(values.type)
          .schema(defaultRules(values.type, values.options))
          .safeParse(values.default_value);
        if (!check.success)
          issue(['default_value'], check.error.issues[0]?.message ?? 'This default does not fit the type.');
      }),
    );
}

/** The form as Create/Update Field wants it. */
export function toFieldInput(values: FieldFormValues & { type: FieldType }): FieldInput {
  const spec = specFor(values.type);
  return {
    label: values.label.trim(),
    merge_tag: values.merge_tag,
    type: values.type,
    ...(hasOptions(values.type) ? { definition: formatDefinition(optionTexts(values.options)) } : {}),
    default_value: spec.formatDefault(values.default_value),
    required: values.required,
  };
}

/** The form's starting values: empty for a new field, the field's own when editing. */
export function initialValues(field?: Field & { type: FieldType }): FieldFormValues {
  if (!field) return { label: '', merge_tag: '', type: '', options: [], default_value: '', required: false };
  const options = hasOptions(field.type)
    ? parseDefinition(field.definition).map((value) => ({ value, original: value }))
    : [];
  return {
    label: field.label,
    merge_tag: field.merge_tag,
    type: field.type,
    options,
    default_value: specFor(field.type).parseDefault(field.default_value, defaultRules(field.type, options)),
    required: field.required,
  };
}

/** A stored draft of this form, if it still has the form's shape. */
export function acceptFieldDraft(stored: unknown): FieldFormValues | null {
  const draft = stored as Partial<FieldFormValues> | null;
  if (!draft || typeof draft !== 'object') return null;
  const type =
    draft.type === '' || (FIELD_TYPES as readonly unknown[]).includes(draft.type)
      ? (draft.type as FieldType | '')
      : null;
  const options =
    Array.isArray(draft.options) && draft.options.every((option) => typeof option?.value === 'string')
      ? draft.options.map(({ value, original }) => (typeof original === 'string' ? { value, original } : { value }))
      : null;
  if (typeof draft.label !== 'string' || typeof draft.merge_tag !== 'string' || type === null || !options) return null;
  const defaultValue =
    type !== '' && isFormValueOf(type, draft.default_value)
      ? draft.default_value
      : type === ''
        ? ''
        : specFor(type).empty;
  return {
    label: draft.label,
    merge_tag: draft.merge_tag,
    type,
    options,
    default_value: defaultValue,
    required: draft.required === true,
  };
}

/** Stored options the edit takes away: removed outright, or renamed (their holders keep the old text). */
export interface OptionLoss {
  option: string;
  renamedTo?: string;
}

export function optionLosses(rows: readonly OptionRow[], stored: readonly string[]): OptionLoss[] {
  const kept = new Set(optionTexts(rows));
  return stored
    .filter((option) => !kept.has(option))
    .map((option) => {
      const renamedTo = rows.find((row) => row.original === option)?.value.trim();
      return renamedTo ? { option, renamedTo } : { option };
    });
}

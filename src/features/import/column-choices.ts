/**
 * The admin's choices for each column, and the plans the worker checks with. A dropdown column's
 * values chosen as new options extend the field's list here, so they pass the check; the import
 * adds them to the field before it starts.
 */
import { EMAIL_MERGE_TAG, formatDefinition, parseDefinition } from '../../contract/field-types.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { detectReading } from '../../field-types/reading.ts';
import type { ColumnReading } from '../../field-types/spec.ts';
import { columnValues, matchColumns, type MatchTarget } from './column-match.ts';
import type { ColumnPlan } from './import-plan.ts';
import { proposeField, type FieldProposal } from './new-field.ts';
import { recalledMapping } from './remembered-mapping.ts';

export type ChoiceTarget = MatchTarget | { kind: 'new'; proposal: FieldProposal };

export interface ColumnChoice {
  target: ChoiceTarget;
  reading: ColumnReading;
  /** What the column's values leave open: the admin answers once for the column. */
  ask: ('dateOrder' | 'decimal')[];
  fixes: Record<string, string>;
  /** Values of a dropdown column to add to the field's options. */
  newOptions: string[];
}

const SAMPLE = 1000;

/** The field a target stands for: an existing one, or the proposal as the workspace will hold it. */
export function fieldOf(target: ChoiceTarget, fields: readonly KnownField[]): KnownField | null {
  if (target.kind === 'field') return fields.find((field) => field.merge_tag === target.mergeTag) ?? null;
  if (target.kind !== 'new') return null;
  const { proposal } = target;
  return {
    id: -1,
    ...proposal,
    default_value: '',
    order: fields.length,
    immutable: false,
    required: false,
    raw_type: proposal.type,
  };
}

/** A column's choice for a target, with its reading detected from its values. */
export function choiceFor(
  target: ChoiceTarget,
  rows: readonly (readonly string[])[],
  column: number,
  fields: readonly KnownField[],
): ColumnChoice {
  const field = fieldOf(target, fields);
  const { reading, ask } = field
    ? detectReading(field.type, columnValues(rows, column, SAMPLE))
    : { reading: {}, ask: [] };
  return { target, reading, ask, fixes: {}, newOptions: [] };
}

/** Each column matched afresh, with its reading: worked out in the import worker, off the page. */
export function matchedChoices(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  fields: readonly KnownField[],
): ColumnChoice[] {
  return matchColumns(headers, rows, fields).map((target, column) => choiceFor(target, rows, column, fields));
}

/** The mapping this browser remembers for these headers, when there is one that still fits. */
export function recalledChoices(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  fields: readonly KnownField[],
): ColumnChoice[] | null {
  const targets = recalledMapping(headers, new Set(fields.map((field) => field.merge_tag)));
  return targets && targets.map((target, column) => choiceFor(target, rows, column, fields));
}

export function newFieldTarget(
  header: string,
  rows: readonly (readonly string[])[],
  column: number,
  fields: readonly KnownField[],
): ChoiceTarget {
  return { kind: 'new', proposal: proposeField(header, rows, column, fields) };
}

export function plansOf(choices: readonly ColumnChoice[], fields: readonly KnownField[]): ColumnPlan[] {
  return choices.map((choice) => {
    const field = fieldOf(choice.target, fields);
    const base = { reading: choice.reading, fixes: choice.fixes };
    if (choice.target.kind === 'status') return { ...base, target: { kind: 'status' } };
    if (!field) return { ...base, target: { kind: 'skip' } };
    const definition =
      choice.newOptions.length > 0
        ? formatDefinition([...parseDefinition(field.definition), ...choice.newOptions])
        : field.definition;
    return {
      ...base,
      target: {
        kind: 'field',
        field: { ...field, definition },
        isNew: choice.target.kind === 'new',
        addedOptions: choice.newOptions,
      },
    };
  });
}

export const emailColumnOf = (plans: readonly ColumnPlan[]) => {
  const index = plans.findIndex(
    (plan) => plan.target.kind === 'field' && plan.target.field.merge_tag === EMAIL_MERGE_TAG,
  );
  return index === -1 ? null : index;
};

/** Fields in the sandbox: the contract's Create, Update, List and Delete Field. */
import {
  characterCount,
  formatDefinition,
  hasOptions,
  isFieldType,
  LABEL_MAX_LENGTH,
  MERGE_TAG_PATTERN,
  MIN_OPTIONS,
  parseDefinition,
  uniqueOptions,
  uniquenessKey,
  type FieldType,
} from '../../src/contract/field-types.ts';
import { messages } from '../../src/contract/messages.ts';
import { integerId, isObject, notFound, refuse, validationError } from './failure.ts';
import { segmentsUsing, transferInProgress } from './workspace.ts';
import type { Store } from './store.ts';

export interface FieldRecord {
  id: number;
  label: string;
  merge_tag: string;
  type: FieldType;
  definition: string;
  default_value: string;
  order: number;
  immutable: boolean;
  required: boolean;
}

interface FieldRow {
  id: number;
  label: string;
  merge_tag: string;
  type: string;
  definition: string;
  default_value: string;
  sort_order: number;
  immutable: number;
  required: number;
}

function toRecord(row: FieldRow): FieldRecord {
  return {
    id: row.id,
    label: row.label,
    merge_tag: row.merge_tag,
    type: row.type as FieldType,
    definition: row.definition,
    default_value: row.default_value,
    order: row.sort_order,
    immutable: row.immutable === 1,
    required: row.required === 1,
  };
}

export function listFields(store: Store): FieldRecord[] {
  const rows = store.db.prepare('SELECT * FROM fields ORDER BY sort_order, id').all() as unknown as FieldRow[];
  return rows.map(toRecord);
}

function findField(store: Store, rawId: string): FieldRecord {
  const id = integerId(rawId);
  const row = id === null ? undefined : store.db.prepare('SELECT * FROM fields WHERE id = ?').get(id);
  if (!row) throw notFound(messages.fieldNotFound);
  return toRecord(row as unknown as FieldRow);
}

interface FieldInput {
  label: string;
  merge_tag: string;
  type: FieldType;
  definition: string;
  default_value: string;
  required: boolean;
}

/**
 * Reads a create or update body. On update, what the body leaves out keeps its current value;
 * every rule the contract lists answers the one message `Validation error`.
 */
function readFieldInput(body: unknown, current?: FieldRecord): FieldInput {
  if (!isObject(body)) throw validationError();
  const { label, merge_tag: mergeTag, type, definition, default_value: defaultValue, required } = body;
  if (typeof label !== 'string' || label.trim() === '' || characterCount(label) > LABEL_MAX_LENGTH) {
    throw validationError();
  }
  if (typeof mergeTag !== 'string' || !MERGE_TAG_PATTERN.test(mergeTag)) throw validationError();
  if (!isFieldType(type)) throw validationError();
  if (body.immutable !== undefined && body.immutable !== false) throw validationError();
  if (required !== undefined && typeof required !== 'boolean') throw validationError();
  if (defaultValue !== undefined && typeof defaultValue !== 'string') throw validationError();
  if (definition !== undefined && typeof definition !== 'string') throw validationError();

  let options = '';
  if (hasOptions(type)) {
    const given = definition ?? current?.definition;
    const unique = given === undefined ? [] : uniqueOptions(parseDefinition(given));
    if (unique.length < MIN_OPTIONS) throw validationError();
    options = formatDefinition(unique);
  }
  return {
    label,
    merge_tag: mergeTag,
    type,
    definition: options,
    default_value: defaultValue ?? current?.default_value ?? '',
    required: required ?? current?.required ?? false,
  };
}

function assertUnique(store: Store, input: FieldInput, exceptId: number) {
  const taken = store.db
    .prepare('SELECT 1 FROM fields WHERE (label_key = ? OR merge_tag = ?) AND id != ?')
    .get(uniquenessKey(input.label), input.merge_tag, exceptId);
  if (taken) throw validationError();
}

export function createField(store: Store, body: unknown): FieldRecord {
  return store.transaction(() => {
    if (transferInProgress(store)) throw validationError();
    const input = readFieldInput(body);
    assertUnique(store, input, 0);
    const row = store.db
      .prepare(
        `INSERT INTO fields (label, label_key, merge_tag, type, definition, default_value, required, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM fields))
         RETURNING *`,
      )
      .get(
        input.label,
        uniquenessKey(input.label),
        input.merge_tag,
        input.type,
        input.definition,
        input.default_value,
        input.required ? 1 : 0,
      );
    return toRecord(row as unknown as FieldRow);
  });
}

export function updateField(store: Store, rawId: string, body: unknown): FieldRecord {
  return store.transaction(() => {
    const current = findField(store, rawId);
    if (current.immutable) throw refuse(messages.fieldImmutableUpdate);
    if (transferInProgress(store)) throw validationError();
    if (isObject(body) && isFieldType(body.type) && body.type !== current.type) {
      throw refuse(messages.fieldTypeChange);
    }
    const input = readFieldInput(body, current);
    assertUnique(store, input, current.id);
    if (input.merge_tag !== current.merge_tag) renameContactValues(store, current.merge_tag, input.merge_tag);
    const row = store.db
      .prepare(
        `UPDATE fields SET label = ?, label_key = ?, merge_tag = ?, definition = ?, default_value = ?, required = ?
         WHERE id = ? RETURNING *`,
      )
      .get(
        input.label,
        uniquenessKey(input.label),
        input.merge_tag,
        input.definition,
        input.default_value,
        input.required ? 1 : 0,
        current.id,
      );
    return toRecord(row as unknown as FieldRow);
  });
}

export function deleteField(store: Store, rawId: string): string {
  return store.transaction(() => {
    const field = findField(store, rawId);
    if (field.immutable) throw refuse(messages.fieldImmutableDelete);
    const segments = segmentsUsing(store, 'segment_fields', 'field_id', field.id);
    if (segments.length === 1) throw refuse(messages.fieldInSegment(segments[0]!));
    if (segments.length > 1) throw refuse(messages.fieldInSegments(segments.length));
    if (transferInProgress(store)) throw validationError();
    store.db.prepare('DELETE FROM fields WHERE id = ?').run(field.id);
    // A deleted field's values go with it, so no contact keeps a key the API no longer accepts.
    store.db
      .prepare(`UPDATE contacts SET data = json_remove(data, '$.' || :tag) WHERE data -> ('$.' || :tag) IS NOT NULL`)
      .run({ tag: field.merge_tag });
    return messages.fieldDeleted;
  });
}

/** Contacts keep their values when a field's merge tag changes. */
function renameContactValues(store: Store, from: string, to: string) {
  store.db
    .prepare(
      `UPDATE contacts
       SET data = json_remove(json_set(data, '$.' || :to, json(data -> ('$.' || :from))), '$.' || :from)
       WHERE data -> ('$.' || :from) IS NOT NULL`,
    )
    .run({ from, to });
}

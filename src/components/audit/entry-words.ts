/**
 * An audit entry in words a person reads: "changed Company from “Initech” to “Globex”". Fields are
 * named by their label as it is now (a deleted one by its merge tag), tags by their name (a
 * deleted one by its id), and values as the contacts list shows them, so the trail reads in the
 * same words as the rest of the app.
 */
import type { Field, Tag } from '../../api/schemas.ts';
import type { AuditChange, AuditEntry } from '../../contract/audit.ts';
import { parseDefinition, readFieldType } from '../../contract/field-types.ts';
import { isContactStatus } from '../../contract/statuses.ts';
import { contactRules, isKnown } from '../../field-types/contact-values.ts';
import { fieldTypes, specForField } from '../../field-types/registry.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';

/** The workspace as it is now, to name what an entry names by merge tag or id. */
export interface Names {
  fieldsByTag: ReadonlyMap<string, Field>;
  fieldsById: ReadonlyMap<string, Field>;
  tags: ReadonlyMap<number, string>;
}

export function namesOf(fields: readonly Field[], tags: readonly Tag[]): Names {
  return {
    fieldsByTag: new Map(fields.map((field) => [field.merge_tag, field])),
    fieldsById: new Map(fields.map((field) => [String(field.id), field])),
    tags: new Map(tags.map((tag) => [tag.id, tag.name])),
  };
}

/** One changed value in words: what it is, and before and after as shown ('' for none). */
export interface ChangeText {
  label: string;
  before: string;
  after: string;
  /** False when the value before was not read. */
  known: boolean;
}

const ATTRIBUTES: Record<string, string> = {
  label: 'label',
  merge_tag: 'merge tag',
  type: 'type',
  definition: 'options',
  default_value: 'default value',
  required: 'required',
  name: 'name',
  description: 'description',
};

const quoted = (text: string) => `“${text}”`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value === null || value === undefined ? '' : String(value);
}

/** A value as the contacts list shows it ("Yes", "Germany (DE)", "Golf, Chess"). */
function valueText(field: Field | undefined, value: unknown): string {
  if (field && isKnown(field)) {
    const spec = specForField(field);
    const shown = spec.display(spec.decode(value, contactRules(field)));
    if (shown !== '') return shown;
  }
  return plain(value);
}

// BOUNCED, which the API may still report, is no status of the form: it is shown as written.
const statusText = (value: unknown) =>
  isContactStatus(value) ? STATUS_MEANINGS[value].title : capitalized(plain(value).toLowerCase());

const tagName = (names: Names, id: unknown) => names.tags.get(Number(id)) ?? `tag ${plain(id)} (deleted)`;

const tagRef = (names: Names, id: unknown) => {
  const name = names.tags.get(Number(id));
  return name === undefined ? `tag ${plain(id)} (deleted)` : `tag ${quoted(name)}`;
};

const tagIds = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function attributeText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (key === 'type') {
    const type = readFieldType(plain(value));
    return type ? fieldTypes[type].title : plain(value);
  }
  return key === 'definition' ? parseDefinition(plain(value)).join(', ') : plain(value);
}

/** A change's label and values in words: what the CSV holds, and what the sentences are made of. */
export function changeText(entry: AuditEntry, change: AuditChange, names: Names): ChangeText {
  const known = change.known !== false;
  if (entry.kind !== 'contact') {
    const text = (value: unknown) => attributeText(change.key, value);
    return {
      label: capitalized(ATTRIBUTES[change.key] ?? change.key),
      before: text(change.before),
      after: text(change.after),
      known,
    };
  }
  if (change.key === 'status')
    return { label: 'Status', before: statusText(change.before), after: statusText(change.after), known };
  if (change.key === 'tags') {
    const text = (value: unknown) =>
      tagIds(value)
        .map((id) => tagName(names, id))
        .join(', ');
    return { label: 'Tags', before: text(change.before), after: text(change.after), known };
  }
  const field = names.fieldsByTag.get(change.key);
  return {
    label: field?.label ?? `${change.key} (a deleted field)`,
    before: valueText(field, change.before),
    after: valueText(field, change.after),
    known,
  };
}

/** "set Company to “Globex”", "cleared Company (was “Globex”)", "changed Company from … to …". */
function valueClause(subject: string, text: ChangeText, quote: (text: string) => string): string {
  if (!text.known)
    return text.after === ''
      ? `cleared ${subject} (the value before is not known)`
      : `set ${subject} to ${quote(text.after)} (the value before is not known)`;
  if (text.before === '') return `set ${subject} to ${quote(text.after)}`;
  if (text.after === '') return `cleared ${subject} (was ${quote(text.before)})`;
  return `changed ${subject} from ${quote(text.before)} to ${quote(text.after)}`;
}

function contactClauses(entry: AuditEntry, names: Names): string[] {
  return entry.changes.flatMap((change) => {
    const text = changeText(entry, change, names);
    if (change.key === 'tags' && text.known) {
      const [before, after] = [tagIds(change.before), tagIds(change.after)];
      return [
        ...after.filter((id) => !before.includes(id)).map((id) => `added ${tagRef(names, id)}`),
        ...before.filter((id) => !after.includes(id)).map((id) => `removed ${tagRef(names, id)}`),
      ];
    }
    return [
      valueClause(change.key === 'tags' ? 'the tags' : text.label, text, change.key === 'status' ? String : quoted),
    ];
  });
}

/** A field's or a tag's changed attributes; on creation, those it was given ("set its type to Text"). */
function attributeClauses(entry: AuditEntry, names: Names, thing: 'field' | 'tag', name: string): string[] {
  const created = entry.action === 'created';
  const nameKey = thing === 'field' ? 'label' : 'name';
  return entry.changes.flatMap((change) => {
    if (created && (change.key === nameKey || change.after === false)) return [];
    const text = changeText(entry, change, names);
    // Not read before the write: what it is now is known, not that it changed.
    if (!text.known && !created)
      return [valueClause(`the ${ATTRIBUTES[change.key] ?? change.key} of ${name}`, text, quoted)];
    if (change.key === nameKey) return [`renamed the ${thing} from ${quoted(text.before)} to ${quoted(text.after)}`];
    if (change.key === 'required') return [`made ${created ? 'it' : name} ${change.after ? 'required' : 'optional'}`];
    const attribute = ATTRIBUTES[change.key] ?? change.key;
    const subject = created ? `its ${attribute}` : `the ${attribute} of ${name}`;
    return [valueClause(subject, text, change.key === 'type' ? String : quoted)];
  });
}

/** What an entry did, each part a clause without its actor: "changed Company from “A” to “B”". */
export function entryClauses(entry: AuditEntry, names: Names): string[] {
  if (entry.kind === 'contact') {
    if (entry.action === 'deleted') return ['deleted this contact'];
    const clauses = contactClauses(entry, names);
    if (entry.action === 'created') return ['added this contact', ...clauses];
    return clauses.length > 0 ? clauses : ['saved this contact without changing it'];
  }
  const thing = entry.kind;
  const name =
    (thing === 'field' ? names.fieldsById.get(entry.targetId)?.label : names.tags.get(Number(entry.targetId))) ??
    entry.targetName;
  if (entry.action === 'deleted') return [`deleted the ${thing} ${quoted(entry.targetName)}`];
  const clauses = attributeClauses(entry, names, thing, name);
  if (entry.action === 'created') return [`added the ${thing} ${quoted(entry.targetName)}`, ...clauses];
  return clauses.length > 0 ? clauses : [`saved the ${thing} ${quoted(name)} without changing it`];
}

/** "a", "a and b", "a, b and c". */
function joined(clauses: readonly string[]): string {
  return clauses.length < 2 ? (clauses[0] ?? '') : `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}

/** The whole entry as one sentence: "Jane Doe changed Company from “Initech” to “Globex”". */
export const entrySentence = (entry: AuditEntry, names: Names) =>
  `${entry.actor.name} ${joined(entryClauses(entry, names))}`;

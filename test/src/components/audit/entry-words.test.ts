import { describe, expect, it } from 'vitest';
import type { Field, Tag } from '../../../../src/api/schemas.ts';
import type { AuditChange, AuditEntry } from '../../../../src/contract/audit.ts';
import type { FieldType } from '../../../../src/contract/field-types.ts';
import { changeText, entryClauses, entrySentence, namesOf } from '../../../../src/components/audit/entry-words.ts';
import { relativeTime } from '../../../../src/components/audit/relative-time.ts';

const field = (id: number, label: string, merge_tag: string, type: FieldType, definition = ''): Field => ({
  id,
  label,
  merge_tag,
  type,
  raw_type: type,
  definition,
  default_value: '',
  order: id,
  immutable: false,
  required: false,
});

const FIELDS = [
  field(1, 'Email Address', 'email_address', 'TEXT'),
  field(2, 'Company', 'company', 'TEXT'),
  field(3, 'Newsletter', 'newsletter', 'BOOLEAN'),
  field(4, 'Interests', 'interests', 'DROPDOWN_MULTIPLE', 'Golf,Chess,Opera'),
  field(5, 'Country', 'country', 'COUNTRY'),
  field(6, 'Plan', 'plan', 'DROPDOWN_SINGLE', 'a,b,c'),
];
const TAGS: Tag[] = [
  { id: 1, name: 'vip', description: '' },
  { id: 2, name: 'old', description: '' },
];
const names = namesOf(FIELDS, TAGS);

function entry(
  kind: AuditEntry['kind'],
  action: AuditEntry['action'],
  changes: AuditChange[],
  more: Partial<AuditEntry> = {},
) {
  return {
    id: 1,
    at: 0,
    actor: { id: 'jane', name: 'Jane Doe' },
    kind,
    action,
    targetId: 'c1',
    targetName: 'jane@example.com',
    changes,
    job: null,
    ...more,
  } satisfies AuditEntry;
}

const contactChange = (...changes: AuditChange[]) => entry('contact', 'changed', changes);

describe('the words of a contact’s entry', () => {
  it('names a field by its label and quotes its values', () => {
    const changed = contactChange({ key: 'company', before: 'Initech', after: 'Globex' });
    expect(entrySentence(changed, names)).toBe('Jane Doe changed Company from “Initech” to “Globex”');
  });

  it('says a value set from empty, and one cleared, with what it was', () => {
    expect(entryClauses(contactChange({ key: 'company', before: null, after: 'Globex' }), names)).toEqual([
      'set Company to “Globex”',
    ]);
    expect(entryClauses(contactChange({ key: 'company', before: 'Globex', after: '' }), names)).toEqual([
      'cleared Company (was “Globex”)',
    ]);
  });

  it('says when the value before was not read', () => {
    const unread = contactChange({ key: 'company', before: null, after: 'Globex', known: false });
    expect(entryClauses(unread, names)).toEqual(['set Company to “Globex” (the value before is not known)']);
  });

  it('shows statuses, yes/no, several choices and countries as the app does', () => {
    const changed = contactChange(
      { key: 'status', before: 'SUBSCRIBED', after: 'UNSUBSCRIBED' },
      { key: 'newsletter', before: false, after: true },
      { key: 'interests', before: ['Golf'], after: ['Golf', 'Opera'] },
      { key: 'country', before: 'GB', after: 'FR' },
    );
    expect(entryClauses(changed, names)).toEqual([
      'changed Status from Subscribed to Unsubscribed',
      'changed Newsletter from “No” to “Yes”',
      'changed Interests from “Golf” to “Golf, Opera”',
      'changed Country from “United Kingdom (GB)” to “France (FR)”',
    ]);
  });

  it('says each tag added and removed, and names a deleted tag by its id', () => {
    const changed = contactChange({ key: 'tags', before: [2, 9], after: [1] });
    expect(entryClauses(changed, names)).toEqual(['added tag “vip”', 'removed tag “old”', 'removed tag 9 (deleted)']);
  });

  it('names a deleted field by its merge tag, and says it was deleted', () => {
    const changed = contactChange({ key: 'shoe_size', before: '42', after: '43' });
    expect(entryClauses(changed, names)).toEqual(['changed shoe_size (a deleted field) from “42” to “43”']);
  });

  it('says of a field whose values before were not read only what they are now', () => {
    const field = entry(
      'field',
      'changed',
      [
        { key: 'label', before: null, after: 'Company', known: false },
        { key: 'required', before: null, after: false, known: false },
      ],
      { targetId: '999', targetName: 'Company' },
    );
    expect(entryClauses(field, names)).toEqual([
      'set the label of Company to “Company” (the value before is not known)',
      'set the required of Company to “No” (the value before is not known)',
    ]);
  });

  it('says a contact was added, with the values it was given', () => {
    const created = entry('contact', 'created', [
      { key: 'email_address', before: null, after: 'jane@example.com' },
      { key: 'status', before: null, after: 'SUBSCRIBED' },
      { key: 'tags', before: [], after: [1] },
    ]);
    expect(entrySentence(created, names)).toBe(
      'Jane Doe added this contact, set Email Address to “jane@example.com”, set Status to Subscribed and added tag “vip”',
    );
  });
});

describe('the words of a field’s or a tag’s entry', () => {
  const fieldEntry = (action: AuditEntry['action'], changes: AuditChange[], targetName = 'Plan') =>
    entry('field', action, changes, { targetId: '6', targetName });

  it('says a rename and a change of options', () => {
    const changed = fieldEntry('changed', [
      { key: 'label', before: 'Tier', after: 'Plan' },
      { key: 'definition', before: 'a,b', after: 'a,b,c' },
      { key: 'required', before: false, after: true },
    ]);
    expect(entryClauses(changed, names)).toEqual([
      'renamed the field from “Tier” to “Plan”',
      'changed the options of Plan from “a, b” to “a, b, c”',
      'made Plan required',
    ]);
  });

  it('says a field was added with what it was given, leaving out what it was not', () => {
    const created = fieldEntry('created', [
      { key: 'label', before: null, after: 'Plan' },
      { key: 'merge_tag', before: null, after: 'plan' },
      { key: 'type', before: null, after: 'DROPDOWN_SINGLE' },
      { key: 'definition', before: null, after: 'a,b' },
      { key: 'required', before: null, after: false },
    ]);
    expect(entryClauses(created, names)).toEqual([
      'added the field “Plan”',
      'set its merge tag to “plan”',
      'set its type to Single choice',
      'set its options to “a, b”',
    ]);
  });

  it('says a deletion by the name it had', () => {
    const deleted = entry('tag', 'deleted', [{ key: 'name', before: 'vip', after: null }], {
      targetId: '1',
      targetName: 'vip',
    });
    expect(entrySentence(deleted, names)).toBe('Jane Doe deleted the tag “vip”');
  });

  it('gives the CSV each change’s label and values in the same words', () => {
    const changed = fieldEntry('changed', [{ key: 'type', before: 'TEXT', after: 'NUMBER' }]);
    expect(changeText(changed, changed.changes[0]!, names)).toEqual({
      label: 'Type',
      before: 'Text',
      after: 'Number',
      known: true,
    });
  });
});

describe('relative time', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  it.each([
    [now - 20_000, 'just now'],
    [now - 60_000, '1 minute ago'],
    [now - 2 * 3_600_000 - 5, '2 hours ago'],
    [now - 3 * 86_400_000, '3 days ago'],
  ])('says %s as “%s”', (at, words) => expect(relativeTime(at, now)).toBe(words));

  it('gives the date past a week', () => {
    expect(relativeTime(Date.UTC(2025, 4, 1, 12), now)).toBe('1 May 2025');
  });
});

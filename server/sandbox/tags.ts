/** Tags in the sandbox: list with pages, create, rename, delete. */
import { characterCount, uniquenessKey } from '../../src/contract/field-types.ts';
import { messages } from '../../src/contract/messages.ts';
import { TAG_DESCRIPTION_MAX_LENGTH, TAG_NAME_MAX_LENGTH, TAG_PAGE_LIMIT } from '../../src/contract/tags.ts';
import { integerId, isObject, notFound, refuse, validationError } from './failure.ts';
import { pageOf, readPaging, type Page } from './paging.ts';
import type { Store } from './store.ts';
import { segmentsUsing } from './workspace.ts';

export interface TagRecord {
  id: number;
  name: string;
  description: string;
}

export function listTags(store: Store, query: { page?: string; limit?: string }): Page<'tags', TagRecord> {
  const paging = readPaging(query.page, query.limit, TAG_PAGE_LIMIT);
  const { count } = store.db.prepare('SELECT COUNT(*) AS count FROM tags').get() as { count: number };
  const tags = store.db
    .prepare('SELECT id, name, description FROM tags ORDER BY id LIMIT ? OFFSET ?')
    .all(paging.limit, paging.offset) as unknown as TagRecord[];
  return pageOf('tags', tags, paging, count);
}

function findTag(store: Store, rawId: string): TagRecord {
  const id = integerId(rawId);
  const row = id === null ? undefined : store.db.prepare('SELECT id, name, description FROM tags WHERE id = ?').get(id);
  if (!row) throw notFound(messages.tagNotFound);
  return row as unknown as TagRecord;
}

function readTagInput(body: unknown, current?: TagRecord): { name: string; description: string } {
  if (!isObject(body)) throw validationError();
  const { name, description } = body;
  if (typeof name !== 'string' || name.trim() === '' || characterCount(name) > TAG_NAME_MAX_LENGTH) {
    throw validationError();
  }
  if (description !== undefined && description !== null) {
    if (typeof description !== 'string' || characterCount(description) > TAG_DESCRIPTION_MAX_LENGTH) {
      throw validationError();
    }
  }
  return { name, description: description ?? current?.description ?? '' };
}

function assertUniqueName(store: Store, name: string, exceptId: number) {
  const taken = store.db
    .prepare('SELECT 1 FROM tags WHERE name_key = ? AND id != ?')
    .get(uniquenessKey(name), exceptId);
  if (taken) throw validationError();
}

export function createTag(store: Store, body: unknown): TagRecord {
  return store.transaction(() => {
    const input = readTagInput(body);
    assertUniqueName(store, input.name, 0);
    return store.db
      .prepare('INSERT INTO tags (name, name_key, description) VALUES (?, ?, ?) RETURNING id, name, description')
      .get(input.name, uniquenessKey(input.name), input.description) as unknown as TagRecord;
  });
}

export function updateTag(store: Store, rawId: string, body: unknown): TagRecord {
  return store.transaction(() => {
    const current = findTag(store, rawId);
    const input = readTagInput(body, current);
    assertUniqueName(store, input.name, current.id);
    return store.db
      .prepare('UPDATE tags SET name = ?, name_key = ?, description = ? WHERE id = ? RETURNING id, name, description')
      .get(input.name, uniquenessKey(input.name), input.description, current.id) as unknown as TagRecord;
  });
}

export function deleteTag(store: Store, rawId: string): string {
  return store.transaction(() => {
    const tag = findTag(store, rawId);
    const segments = segmentsUsing(store, 'segment_tags', 'tag_id', tag.id);
    if (segments.length === 1) throw refuse(messages.tagInSegment(segments[0]!));
    if (segments.length > 1) throw refuse(messages.tagInSegments(segments.length));
    store.db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
    return messages.tagDeleted;
  });
}

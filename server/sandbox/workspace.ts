/** Workspace-wide state that no API route sets, but that the contract's refusals depend on. */
import type { Store } from './store.ts';

export function transferInProgress(store: Store): boolean {
  const row = store.db.prepare('SELECT transfer_in_progress FROM workspace WHERE id = 1').get() as
    { transfer_in_progress: number } | undefined;
  return row?.transfer_in_progress === 1;
}

/** Names of the segments whose conditions use a field or a tag. */
export function segmentsUsing(
  store: Store,
  table: 'segment_fields' | 'segment_tags',
  column: 'field_id' | 'tag_id',
  id: number,
): string[] {
  const rows = store.db
    .prepare(
      `SELECT DISTINCT s.name FROM segments s JOIN ${table} u ON u.segment_id = s.id WHERE u.${column} = ? ORDER BY s.id`,
    )
    .all(id) as { name: string }[];
  return rows.map((row) => row.name);
}

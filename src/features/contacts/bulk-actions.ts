/** The bulk changes a selection offers, by the names their buttons carry. */
import type { BulkAction } from '../../contract/jobs.ts';

export type ActionName = BulkAction['action'];

export const ACTION_LABELS: Record<ActionName, string> = {
  'add-tags': 'Add tags',
  'remove-tags': 'Remove tags',
  'set-status': 'Change status',
  'set-field': 'Set a field',
  'clear-field': 'Clear a field',
};

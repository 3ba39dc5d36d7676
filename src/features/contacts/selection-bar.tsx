/**
 * The selection's count, always in view while there is one, the offer to select the whole search,
 * and the bulk changes, each of which starts a job.
 */
import { lazy, Suspense, useState } from 'react';
import type { ContactSearch } from '../../api/contacts.ts';
import { useCan } from '../../api/me.ts';
import type { Tag } from '../../api/schemas.ts';
import { Button } from '../../components/ui/button.tsx';
import { GuardedButton, NotAllowedNote } from '../../components/ui/not-allowed.tsx';
import type { BulkAction } from '../../contract/jobs.ts';
import type { KnownField } from '../../field-types/contact-values.ts';
import { useNavigate } from '../../lib/router/components.tsx';
import { ACTION_LABELS, type ActionName } from './bulk-actions.ts';
import { selectedCount, type Selection } from './selection.ts';

// The dialog's inputs (the tag picker, every field type's input) load when a change is chosen.
const BulkActionDialog = lazy(() => import('./bulk-action-dialog.tsx'));

interface SelectionBarProps {
  selection: Selection;
  /** Contacts matching the search, and whether every one on this page is selected. */
  total: number;
  pageSelected: boolean;
  /** False while the list still shows the last search's results: their count is not this search's. */
  current: boolean;
  searches: readonly ContactSearch[];
  tags: readonly Tag[];
  fields: readonly KnownField[];
  onSelectAll: () => void;
  onClear: () => void;
}

export default function SelectionBar({
  selection,
  total,
  pageSelected,
  current,
  searches,
  tags,
  fields,
  onSelectAll,
  onClear,
}: SelectionBarProps) {
  const navigate = useNavigate();
  const edit = useCan('edit-contacts');
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const count = selectedCount(selection);

  const start = async (action: BulkAction, title: string) => {
    setFailure(null);
    setBusy('Starting…');
    try {
      // Loaded when a change starts: the list itself never needs the job's code.
      const { startBulk } = await import('./start-bulk.ts');
      const job = await startBulk(title, action, selection, searches, setBusy);
      await navigate(`/jobs/${job.id}`);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      role="region"
      aria-label="Selection"
      className="sticky top-0 z-20 mb-2 flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
    >
      <p role="status" className="font-medium">
        {count.toLocaleString('en')} selected
      </p>
      {!selection.all && current && pageSelected && total > count && (
        <Button onClick={onSelectAll}>Select all {total.toLocaleString('en')} contacts matching this search</Button>
      )}
      <Button onClick={onClear}>Clear selection</Button>
      <span className="flex flex-wrap gap-2 sm:ml-auto">
        <NotAllowedNote id="selection-refusal" permission={edit} />
        {(Object.keys(ACTION_LABELS) as ActionName[]).map((name) => (
          <GuardedButton key={name} permission={edit} reasonId="selection-refusal" onClick={() => setOpen(name)}>
            {ACTION_LABELS[name]}
          </GuardedButton>
        ))}
      </span>
      {open && (
        <Suspense fallback={<p role="status">Opening…</p>}>
          <BulkActionDialog
            name={open}
            count={count}
            tags={tags}
            fields={fields}
            busy={busy}
            failure={failure}
            onStart={(action, title) => void start(action, title)}
            onClose={() => {
              setOpen(null);
              setFailure(null);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

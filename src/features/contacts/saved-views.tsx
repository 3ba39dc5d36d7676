/**
 * Saved views: "Save this view" names the current search (kept by the server, so colleagues see
 * it), and each saved view is a link back to it, listed under Contacts.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useCan } from '../../api/me.ts';
import { useDeleteView, useSaveView, viewQueries, type SavedView } from '../../api/views.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { guarded, GuardedButton, NotAllowedNote } from '../../components/ui/not-allowed.tsx';
import { focusRing, inputClass } from '../../components/ui/styles.ts';
import { Link } from '../../lib/router/components.tsx';

// Loaded when a view is to be deleted: the list, the first page, carries no dialog code.
const ConfirmDialog = lazy(() =>
  import('../../components/ui/dialog.tsx').then((dialogs) => ({ default: dialogs.ConfirmDialog })),
);

export function SavedViews({ query }: { query: string }) {
  const views = useQuery(viewQueries.all());
  const save = useSaveView();
  const remove = useDeleteView();
  const edit = useCan('edit-contacts');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  return (
    <section aria-labelledby="saved-views" className="mb-4 text-sm">
      <h2 id="saved-views" className="sr-only">
        Saved views
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        {views.data?.map((view) => (
          <span
            key={view.id}
            className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 dark:border-slate-600"
          >
            <Link to={`/contacts${view.query ? `?${view.query}` : ''}`} className={`underline ${focusRing}`}>
              {view.name}
            </Link>
            <button
              type="button"
              aria-label={`Delete the view ${view.name}`}
              {...guarded(edit, 'views-refusal', { onClick: () => setDeleting(view) })}
              className={`disabled:cursor-not-allowed disabled:text-slate-400 aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 ${focusRing}`}
            >
              ×
            </button>
          </span>
        ))}
        {!naming && (
          <GuardedButton permission={edit} reasonId="views-refusal" onClick={() => setNaming(true)}>
            Save this view
          </GuardedButton>
        )}
        <NotAllowedNote id="views-refusal" permission={edit} />
      </div>
      {naming && (
        <form
          aria-label="Save this view"
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              { name: name.trim(), query },
              {
                onSuccess: () => {
                  setNaming(false);
                  setName('');
                },
              },
            );
          }}
        >
          <FormField id="view-name" label="Name of the view" error={save.isError ? save.error.message : undefined}>
            {(aria) => (
              <input {...aria} value={name} onChange={(event) => setName(event.target.value)} className={inputClass} />
            )}
          </FormField>
          <Button
            type="submit"
            variant="primary"
            disabled={name.trim() === ''}
            busy={save.isPending}
            busyLabel="Saving…"
          >
            Save view
          </Button>
          <Button onClick={() => setNaming(false)}>Cancel</Button>
        </form>
      )}
      {deleting && (
        <Suspense fallback={null}>
          <ConfirmDialog
            id="delete-view"
            title={`Delete the view “${deleting.name}”?`}
            description="Every admin of this workspace sees saved views: it goes for them too. The contacts are not touched."
            confirmLabel="Delete view"
            busyLabel="Deleting…"
            busy={remove.isPending}
            failure={remove.isError ? { title: 'The view was not deleted.', message: remove.error.message } : undefined}
            onConfirm={(close) => remove.mutate(deleting.id, { onSuccess: close })}
            onClose={() => {
              setDeleting(null);
              remove.reset();
            }}
          />
        </Suspense>
      )}
      {views.isError && <Alert title="The saved views could not be read.">{views.error.message}</Alert>}
    </section>
  );
}

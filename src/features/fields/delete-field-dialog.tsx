import { useEffect, useRef } from 'react';
import { useDeleteField } from '../../api/fields.ts';
import type { Field } from '../../api/schemas.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useNotify } from '../../components/ui/notices.tsx';

/** "Delete “Colour”?", naming what is lost; the API's refusal (a segment uses it...) shows inside. */
export function DeleteFieldDialog({ field, onClose }: { field: Field; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteField();
  const notify = useNotify();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const confirm = () =>
    remove.mutate(field.id, {
      onSuccess: () => {
        notify(`Field “${field.label}” deleted.`);
        dialog.current?.close();
      },
    });

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="delete-field-title"
      aria-describedby="delete-field-text"
      className="m-auto max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="delete-field-title" className="text-lg font-semibold">
        Delete the field “{field.label}”?
      </h2>
      <p id="delete-field-text" className="mt-2 text-sm">
        Every contact loses its value in this field, and templates that use <code>contact.{field.merge_tag}</code> stop
        matching. This cannot be undone.
      </p>
      {remove.isError && (
        <div className="mt-4">
          <Alert title="The field was not deleted.">{remove.error.message}</Alert>
        </div>
      )}
      <div className="mt-6 flex justify-end gap-2">
        <Button autoFocus onClick={() => dialog.current?.close()}>
          Cancel
        </Button>
        <Button variant="danger" busy={remove.isPending} busyLabel="Deleting…" onClick={confirm}>
          Delete field
        </Button>
      </div>
    </dialog>
  );
}

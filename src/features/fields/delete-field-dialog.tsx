import { useQuery } from '@tanstack/react-query';
import { contactQueries } from '../../api/contacts.ts';
import { useDeleteField } from '../../api/fields.ts';
import type { Field } from '../../api/schemas.ts';
import { ConfirmDialog } from '../../components/ui/dialog.tsx';
import { contactsWith, ImpactList, isCounting } from '../../components/ui/impact.tsx';
import { useNotify } from '../../components/ui/notices.tsx';

/** "Delete “Colour”?", naming what is lost; the API's refusal (a segment uses it...) shows inside. */
export function DeleteFieldDialog({ field, onClose }: { field: Field; onClose: () => void }) {
  const remove = useDeleteField();
  const notify = useNotify();
  const holders = useQuery(contactQueries.count({ fields: [{ merge_tag: field.merge_tag, operator: 'EXISTS' }] }));
  const impacts = [
    {
      key: 'holders',
      count: holders,
      say: (count: number) => `${contactsWith(count, 'has', 'have')} a value in “${field.label}”.`,
    },
  ];
  return (
    <ConfirmDialog
      id="delete-field"
      title={`Delete the field “${field.label}”?`}
      description={
        <>
          Every contact loses its value in this field, and templates that use <code>contact.{field.merge_tag}</code>{' '}
          stop matching. This cannot be undone.
        </>
      }
      confirmLabel="Delete field"
      busyLabel="Deleting…"
      busy={remove.isPending}
      confirmDisabled={isCounting(impacts)}
      failure={remove.error ? { title: 'The field was not deleted.', message: remove.error.message } : undefined}
      onConfirm={(close) =>
        remove.mutate(field.id, {
          onSuccess: () => {
            notify(`Field “${field.label}” deleted.`);
            close();
          },
        })
      }
      onClose={onClose}
    >
      <ImpactList impacts={impacts} />
    </ConfirmDialog>
  );
}

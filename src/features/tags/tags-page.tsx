/** /tags: every tag of the workspace; create, rename, describe, delete. */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Tag } from '../../api/schemas.ts';
import { statusQuery } from '../../api/status.ts';
import { contactQueries } from '../../api/contacts.ts';
import { useCan } from '../../api/me.ts';
import { tagQueries, useCreateTag, useDeleteTag, useUpdateTag } from '../../api/tags.ts';
import { contactsWith, ImpactList, isCounting } from '../../components/ui/impact.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog, Dialog, type DialogHandle } from '../../components/ui/dialog.tsx';
import { GuardedButton, NotAllowedNote, stillKnowing } from '../../components/ui/not-allowed.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { actionsCellClass, ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { draftKey } from '../../lib/forms/drafts.ts';
import { TagForm } from './tag-form.tsx';

export function TagsPage() {
  const tags = useQuery(tagQueries.all());
  const workspace = useQuery(statusQuery());
  const create = useCreateTag();
  const notify = useNotify();
  const [editing, setEditing] = useState<Tag | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const manage = useCan('manage-workspace');

  return (
    <>
      <PageTitle>Tags</PageTitle>
      {tags.isLoadingError ? (
        <Alert title="The tags could not be loaded.">
          <p>{tags.error.message}</p>
          <Button onClick={() => void tags.refetch()}>Try again</Button>
        </Alert>
      ) : !tags.data || !workspace.data || stillKnowing(manage) ? (
        <p role="status">Loading the tags…</p>
      ) : (
        <>
          <section
            aria-labelledby="new-tag"
            className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="new-tag" className="mb-3 font-semibold">
              New tag
            </h2>
            {manage.allowed ? (
              <TagForm
                idPrefix="new-tag"
                tags={tags.data}
                submitLabel="Create tag"
                draftKey={draftKey('tag', workspace.data.mode, 'new')}
                save={(input) => create.mutateAsync(input)}
                onSaved={(input) => notify(`Tag “${input.name}” created.`)}
              />
            ) : (
              <NotAllowedNote id="tags-refusal" permission={manage} />
            )}
          </section>
          {tags.data.length === 0 ? (
            <p>No tags yet.</p>
          ) : (
            <TableRegion label="Tags">
              <table className="w-full text-left text-sm">
                <thead className={tableHeadClass}>
                  <tr>
                    <ColumnHeader>Name</ColumnHeader>
                    <ColumnHeader>Description</ColumnHeader>
                    <th scope="col" className={actionsCellClass}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {tags.data.map((tag) => (
                    <tr key={tag.id}>
                      <th scope="row" className="max-w-64 px-4 py-2 font-medium break-words">
                        {tag.name}
                      </th>
                      <td className="max-w-96 px-4 py-2 break-words">{tag.description || '—'}</td>
                      <td className={actionsCellClass}>
                        <div className="flex gap-2">
                          <GuardedButton
                            aria-label={`Edit ${tag.name}`}
                            permission={manage}
                            reasonId="tags-refusal"
                            onClick={() => setEditing(tag)}
                          >
                            Edit
                          </GuardedButton>
                          <GuardedButton
                            aria-label={`Delete ${tag.name}`}
                            permission={manage}
                            reasonId="tags-refusal"
                            onClick={() => setDeleting(tag)}
                          >
                            Delete
                          </GuardedButton>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {editing && (
            <EditTagDialog
              tag={editing}
              tags={tags.data}
              draftKey={draftKey('tag', workspace.data.mode, String(editing.id))}
              onClose={() => setEditing(null)}
            />
          )}
          {deleting && <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)} />}
        </>
      )}
    </>
  );
}

function EditTagDialog({
  tag,
  tags,
  draftKey,
  onClose,
}: {
  tag: Tag;
  tags: readonly Tag[];
  draftKey: string;
  onClose: () => void;
}) {
  const update = useUpdateTag();
  const notify = useNotify();
  const handle = useRef<DialogHandle>(null);
  return (
    <Dialog id="edit-tag" title={`Edit the tag “${tag.name}”`} onClose={onClose} handle={handle}>
      <div className="mt-4">
        <TagForm
          idPrefix="edit-tag"
          tag={tag}
          tags={tags}
          submitLabel="Save tag"
          draftKey={draftKey}
          save={(input) => update.mutateAsync({ id: tag.id, input })}
          onSaved={(input) => {
            notify(`Tag “${input.name}” saved.`);
            handle.current?.close();
          }}
          onCancel={() => handle.current?.close()}
        />
      </div>
    </Dialog>
  );
}

function DeleteTagDialog({ tag, onClose }: { tag: Tag; onClose: () => void }) {
  const remove = useDeleteTag();
  const notify = useNotify();
  const holders = useQuery(contactQueries.count({ tags: [tag.id] }));
  const impacts = [
    {
      key: 'holders',
      count: holders,
      say: (count: number) => `${contactsWith(count, 'has', 'have')} this tag. Deleting it takes it off every one.`,
    },
  ];
  return (
    <ConfirmDialog
      id="delete-tag"
      title={`Delete the tag “${tag.name}”?`}
      description="It is taken off every contact that has it. This cannot be undone."
      confirmLabel="Delete tag"
      busyLabel="Deleting…"
      busy={remove.isPending}
      confirmDisabled={isCounting(impacts)}
      failure={remove.error ? { title: 'The tag was not deleted.', message: remove.error.message } : undefined}
      onConfirm={(close) =>
        remove.mutate(tag.id, {
          onSuccess: () => {
            notify(`Tag “${tag.name}” deleted.`);
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

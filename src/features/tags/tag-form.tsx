/** A tag's name and description, checked before sending; used to create a tag and to edit one. */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Tag } from '../../api/schemas.ts';
import { tagQueries, type TagInput } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Causes } from '../../components/ui/causes.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { RestoredDraft } from '../../components/ui/restored-draft.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { messages } from '../../contract/messages.ts';
import { TAG_DESCRIPTION_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from '../../contract/tags.ts';
import { placeServerErrors, useFormKit } from '../../lib/forms/use-form-kit.ts';
import { TAG_VALIDATION_CAUSES, tagFormSchema, type TagFormValues } from './tag-rules.ts';

interface TagFormProps {
  idPrefix: string;
  /** The tag being edited; absent for a new one. */
  tag?: Tag;
  tags: readonly Tag[];
  submitLabel: string;
  /** Where the unsent form is kept in this browser. */
  draftKey: string;
  save: (input: TagInput) => Promise<unknown>;
  /** After a successful save; a new-tag form also clears itself. */
  onSaved: (input: TagInput) => void;
  onCancel?: () => void;
}

const acceptTagDraft = (stored: unknown): TagFormValues | null => {
  const draft = stored as Partial<TagFormValues> | null;
  return typeof draft?.name === 'string' && typeof draft.description === 'string'
    ? { name: draft.name, description: draft.description }
    : null;
};

export function TagForm({ idPrefix, tag, tags, submitLabel, draftKey, save, onSaved, onCancel }: TagFormProps) {
  const others = (list: readonly Tag[]) => list.filter((other) => other.id !== tag?.id);
  const schema = useMemo(() => tagFormSchema(tags.filter((other) => other.id !== tag?.id)), [tags, tag?.id]);
  const base = useMemo(
    () => ({ name: tag?.name ?? '', description: tag?.description ?? '' }),
    [tag?.name, tag?.description],
  );
  const kit = useFormKit<TagFormValues>({ schema, base, draftKey, accept: acceptTagDraft });
  const { register, handleSubmit, setError, reset, formState } = kit.form;
  const [problem, setProblem] = useState<{ message: string; causes?: readonly string[] }>();
  const queryClient = useQueryClient();

  /** After a bare "Validation error": checks again against the tags as they are now. */
  async function recheck(values: TagFormValues): Promise<boolean> {
    const fresh = await queryClient.fetchQuery({ ...tagQueries.all(), staleTime: 0 }).catch(() => null);
    const result = fresh && tagFormSchema(others(fresh)).safeParse(values);
    if (!result || result.success) return false;
    placeServerErrors(
      setError,
      result.error.issues.map((issue) => ({ name: issue.path[0] as keyof TagFormValues, message: issue.message })),
    );
    return true;
  }

  const submit = handleSubmit(async (values) => {
    setProblem(undefined);
    const input = { name: values.name.trim(), description: values.description.trim() };
    try {
      if (!(await kit.save(() => save(input).then(() => undefined)))) return;
      if (!tag) {
        reset(base);
        // Ready for the next tag (the input itself: the form registers it again only as it renders).
        document.getElementById(`${idPrefix}-name`)?.focus();
      }
      onSaved(input);
    } catch (error) {
      // Someone may have taken the name meanwhile.
      if (error instanceof ApiError && error.message === messages.validation) {
        if (!(await recheck(values))) setProblem({ message: error.message, causes: TAG_VALIDATION_CAUSES });
      } else {
        setProblem({ message: error instanceof Error ? error.message : String(error) });
      }
    }
  });

  return (
    <form noValidate onSubmit={submit} aria-label={tag ? `Edit tag ${tag.name}` : 'New tag'} className="space-y-3">
      <LeaveGuard draftKey={draftKey} changed={kit.changed} onDiscard={kit.discardDraft} />
      {kit.restored && <RestoredDraft savedAt={kit.restored.savedAt} onDiscard={kit.discardRestored} />}
      {problem && (
        <Alert title={`CampaignLark did not save the tag: “${problem.message}”`}>
          {problem.causes && <Causes causes={problem.causes} />}
          <p>Nothing was saved; what you entered is still here.</p>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <FormField
          id={`${idPrefix}-name`}
          label="Name"
          required
          error={formState.errors.name?.message}
          hint={`Up to ${TAG_NAME_MAX_LENGTH} characters.`}
        >
          {(aria) => <input {...aria} {...register('name')} autoComplete="off" className={inputClass} />}
        </FormField>
        <FormField
          id={`${idPrefix}-description`}
          label="Description"
          error={formState.errors.description?.message}
          hint={`Optional, up to ${TAG_DESCRIPTION_MAX_LENGTH} characters.`}
        >
          {(aria) => <input {...aria} {...register('description')} autoComplete="off" className={inputClass} />}
        </FormField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={kit.saving} busyLabel="Saving…">
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}

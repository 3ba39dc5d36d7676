/** A tag's name and description, checked before sending; used to create a tag and to edit one. */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
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
import { discardDraft, readDraft, saveDraft } from '../../lib/form-draft.ts';
import { TAG_VALIDATION_CAUSES, tagDescriptionProblem, tagNameProblem } from './tag-rules.ts';

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

const acceptTagDraft = (stored: unknown): TagInput | null => {
  const draft = stored as Partial<TagInput> | null;
  return typeof draft?.name === 'string' && typeof draft.description === 'string' ? { name: draft.name, description: draft.description } : null;
};

export function TagForm({ idPrefix, tag, tags, submitLabel, draftKey, save, onSaved, onCancel }: TagFormProps) {
  const [restored, setRestored] = useState(() => readDraft(draftKey, acceptTagDraft));
  const [name, setNameState] = useState(restored?.form.name ?? tag?.name ?? '');
  const [description, setDescriptionState] = useState(restored?.form.description ?? tag?.description ?? '');
  const setName = (next: string) => {
    setNameState(next);
    saveDraft(draftKey, { name: next, description });
  };
  const setDescription = (next: string) => {
    setDescriptionState(next);
    saveDraft(draftKey, { name, description: next });
  };
  const [errors, setErrors] = useState<{ name?: string | null; description?: string | null }>({});
  const [problem, setProblem] = useState<{ message: string; causes?: readonly string[] }>();
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const others = (list: readonly Tag[]) => list.filter((other) => other.id !== tag?.id);

  /** Checks against a tag list; focuses the first input with a problem. */
  function check(list: readonly Tag[]): boolean {
    const found = { name: tagNameProblem(name, others(list)), description: tagDescriptionProblem(description) };
    setErrors(found);
    if (found.name) nameInput.current?.focus();
    else if (found.description) descriptionInput.current?.focus();
    return !found.name && !found.description;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || !check(tags)) return;
    setProblem(undefined);
    setSaving(true);
    const input = { name: name.trim(), description: description.trim() };
    try {
      await save(input);
      discardDraft(draftKey);
      setRestored(null);
      if (!tag) {
        setNameState('');
        setDescriptionState('');
        nameInput.current?.focus();
      }
      onSaved(input);
    } catch (error) {
      if (error instanceof ApiError && error.message === messages.validation) {
        // Someone may have taken the name meanwhile: check again against the tags as they are now.
        const fresh = await queryClient.fetchQuery({ ...tagQueries.all(), staleTime: 0 }).catch(() => null);
        if (!fresh || check(fresh)) setProblem({ message: error.message, causes: TAG_VALIDATION_CAUSES });
      } else {
        setProblem({ message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={tag ? `Edit tag ${tag.name}` : 'New tag'} className="space-y-3">
      <LeaveGuard changed={() => name !== (tag?.name ?? '') || description !== (tag?.description ?? '')} onDiscard={() => discardDraft(draftKey)} />
      {restored && (
        <RestoredDraft
          savedAt={restored.savedAt}
          onDiscard={() => {
            discardDraft(draftKey);
            setRestored(null);
            setNameState(tag?.name ?? '');
            setDescriptionState(tag?.description ?? '');
          }}
        />
      )}
      {problem && (
        <Alert title={`CampaignLark did not save the tag: “${problem.message}”`}>
          {problem.causes && <Causes causes={problem.causes} />}
          <p>Nothing was saved; what you entered is still here.</p>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <FormField id={`${idPrefix}-name`} label="Name" required error={errors.name ?? undefined} hint={`Up to ${TAG_NAME_MAX_LENGTH} characters.`}>
          {(aria) => <input {...aria} ref={nameInput} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" className={inputClass} />}
        </FormField>
        <FormField id={`${idPrefix}-description`} label="Description" error={errors.description ?? undefined} hint={`Optional, up to ${TAG_DESCRIPTION_MAX_LENGTH} characters.`}>
          {(aria) => <input {...aria} ref={descriptionInput} value={description} onChange={(event) => setDescription(event.target.value)} autoComplete="off" className={inputClass} />}
        </FormField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…">
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}

/**
 * The workspace's tags as a multi-select, with “Create tag …” for a name that does not exist yet,
 * offered only to those who may make tags.
 */
import { useMemo, useState, type Ref } from 'react';
import { useCan } from '../../api/me.ts';
import { useCreateTag } from '../../api/tags.ts';
import type { Tag } from '../../api/schemas.ts';
import { FormField } from '../../components/ui/form-field.tsx';
import { MultiSelect } from '../../components/ui/multi-select.tsx';
import { characterCount } from '../../contract/field-types.ts';
import { TAG_NAME_MAX_LENGTH } from '../../contract/tags.ts';

interface TagPickerProps {
  tags: readonly Tag[];
  value: number[];
  onChange: (ids: number[]) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLElement>;
  error?: string | undefined;
  hint?: string;
}

export function TagPicker({ tags, value, onChange, onBlur, inputRef, error, hint }: TagPickerProps) {
  const createTag = useCreateTag();
  const creating = useCan('manage-workspace');
  // Said to those who choose tags (the form is only theirs) but may not make them.
  const noCreating = creating.reason ? `${creating.reason} Choose among the existing tags.` : undefined;
  const [createError, setCreateError] = useState<string>();
  const names = useMemo(() => tags.map((tag) => tag.name), [tags]);
  const chosen = value.map((id) => tags.find((tag) => tag.id === id)?.name ?? `Tag ${id}`);

  function choose(selected: string[]) {
    setCreateError(undefined);
    onChange(selected.flatMap((name) => tags.find((tag) => tag.name === name)?.id ?? []));
  }

  function create(name: string) {
    if (characterCount(name) > TAG_NAME_MAX_LENGTH) {
      setCreateError(`A tag name has at most ${TAG_NAME_MAX_LENGTH} characters.`);
      return;
    }
    setCreateError(undefined);
    createTag.mutate(
      { name },
      {
        onSuccess: (tag) => onChange([...value, tag.id]),
        onError: (failure) => setCreateError(`The tag “${name}” was not created: ${failure.message}`),
      },
    );
  }

  return (
    <FormField
      id="tags"
      label="Tags"
      error={createError ?? error}
      hint={createTag.isPending ? 'Creating the tag…' : [hint, noCreating].filter(Boolean).join(' ') || undefined}
    >
      {(aria) => (
        <MultiSelect
          {...aria}
          aria-required={undefined}
          name="tags"
          options={names}
          value={chosen}
          onChange={choose}
          onBlur={onBlur}
          inputRef={inputRef}
          create={creating.allowed ? { label: (text) => `Create tag “${text}”`, onCreate: create } : undefined}
        />
      )}
    </FormField>
  );
}

/** A field's label and merge tag; the merge tag follows the label until the admin edits it. */
import { useFormContext, useWatch } from 'react-hook-form';
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { LABEL_MAX_LENGTH } from '../../contract/field-types.ts';
import { suggestMergeTag } from '../../lib/merge-tag.ts';
import type { FieldFormValues } from './field-form-schema.ts';

interface NameInputsProps {
  /** The merge tag stored now, when editing a field: templates use it. */
  storedTag: string | undefined;
  /** Merge tags the other fields have, for the suggestion. */
  takenTags: ReadonlySet<string>;
  tagTouched: boolean;
  onTagTouched: (touched: boolean) => void;
}

export function NameInputs({ storedTag, takenTags, tagTouched, onTagTouched }: NameInputsProps) {
  const { register, setValue, control, formState } = useFormContext<FieldFormValues>();
  const { errors, isSubmitted } = formState;
  const mergeTag = useWatch({ control, name: 'merge_tag' });
  const editing = storedTag !== undefined;
  return (
    <>
      <FormField
        id="label"
        label="Label"
        required
        error={errors.label?.message}
        hint={`Up to ${LABEL_MAX_LENGTH} characters, shown above the input in the contact form.`}
      >
        {(aria) => (
          <input
            {...aria}
            {...register('label', {
              onChange: (event: { target: { value: string } }) => {
                if (!tagTouched)
                  setValue('merge_tag', suggestMergeTag(event.target.value, takenTags), {
                    shouldValidate: isSubmitted,
                  });
              },
            })}
            autoComplete="off"
            className={inputClass}
          />
        )}
      </FormField>

      <FormField
        id="merge_tag"
        label="Merge tag"
        required
        error={errors.merge_tag?.message}
        hint={
          editing && mergeTag !== storedTag ? (
            <span className="font-medium text-amber-800 dark:text-amber-300">
              Templates that use <code>contact.{storedTag}</code> will stop matching; change them to{' '}
              <code>contact.{mergeTag || '…'}</code>.
            </span>
          ) : (
            <>
              2–16 lowercase letters and underscores. Templates use it as <code>contact.{mergeTag || '…'}</code>.
            </>
          )
        }
      >
        {(aria) => (
          <input
            {...aria}
            {...register('merge_tag', {
              onChange: (event: { target: { value: string } }) => onTagTouched(editing || event.target.value !== ''),
            })}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </FormField>
    </>
  );
}

/**
 * A dropdown's options, one row each: edit in place, move up or down, remove; add with Enter in
 * "New option", or paste a list (commas or lines) to add many at once.
 */
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import type { FieldFormValues } from './field-form-schema.ts';
import { optionProblem, splitOptionList } from './options-rules.ts';

export function OptionsEditor() {
  const { control, register, getValues, formState, trigger } = useFormContext<FieldFormValues>();
  const { fields: rows, append, remove, move } = useFieldArray({ control, name: 'options' });
  const [draft, setDraft] = useState('');
  const [draftMessage, setDraftMessage] = useState<string>();
  const errors = formState.errors.options;
  const listError = errors?.message ?? errors?.root?.message;

  const current = () => getValues('options').map((option) => option.value);
  const recheck = () => {
    if (formState.isSubmitted) void trigger(['options', 'default_value']);
  };

  function addDraft() {
    const problem = optionProblem(draft, current());
    if (problem) {
      setDraftMessage(problem);
      return;
    }
    append({ value: draft.trim() }, { shouldFocus: false });
    setDraft('');
    setDraftMessage(undefined);
    recheck();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      addDraft();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = event.clipboardData.getData('text');
    if (!/[,\n]/.test(pasted)) return;
    event.preventDefault();
    const added: string[] = [];
    const skipped: string[] = [];
    for (const option of splitOptionList(pasted)) {
      if (optionProblem(option, [...current(), ...added])) skipped.push(option);
      else added.push(option);
    }
    append(
      added.map((value) => ({ value })),
      { shouldFocus: false },
    );
    setDraftMessage(skipped.length > 0 ? `Already options, not added again: ${skipped.join(', ')}.` : undefined);
    recheck();
  }

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Options</legend>
      <p id="options-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Each option is one choice in the contact form, in this order. At least 2, each different, without commas.
      </p>
      {rows.length > 0 && (
        <ol className="space-y-2">
          {rows.map((row, index) => (
            <li key={row.id} className="flex items-start gap-2">
              <div className="flex-1">
                <FormField
                  id={`option-${row.id}`}
                  label={`Option ${index + 1}`}
                  error={errors?.[index]?.value?.message}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      {...register(`options.${index}.value`, { onChange: recheck })}
                      className={inputClass}
                    />
                  )}
                </FormField>
              </div>
              <div className="mt-6 flex gap-1">
                <Button
                  aria-label={`Up: move option ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  Up
                </Button>
                <Button
                  aria-label={`Down: move option ${index + 1} down`}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  Down
                </Button>
                <Button
                  aria-label={`Remove option ${index + 1}`}
                  onClick={() => {
                    remove(index);
                    recheck();
                  }}
                >
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <FormField
        id="new-option"
        label="New option"
        hint="Press Enter to add it. Paste a list, one per line or separated by commas, to add many."
        error={draftMessage}
      >
        {(aria) => (
          <div className="flex gap-2">
            <input
              {...aria}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
              onPaste={onPaste}
              className={inputClass}
            />
            <Button onClick={addDraft}>Add option</Button>
          </div>
        )}
      </FormField>
      {listError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {listError}
        </p>
      )}
    </fieldset>
  );
}

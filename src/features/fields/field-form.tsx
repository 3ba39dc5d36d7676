/** Create or edit a field, with a live preview beside it. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, type Path } from 'react-hook-form';
import { fieldQueries, useCreateField, useUpdateField } from '../../api/fields.ts';
import type { Field } from '../../api/schemas.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Causes } from '../../components/ui/causes.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { RestoredDraft } from '../../components/ui/restored-draft.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { hasOptions, parseDefinition, type FieldType } from '../../contract/field-types.ts';
import type { JobView, OptionMove } from '../../contract/jobs.ts';
import { placeServerErrors, useFormKit } from '../../lib/forms/use-form-kit.ts';
import { Link, useNavigate } from '../../lib/router/components.tsx';
import { placeFieldSaveError, VALIDATION_CAUSES } from './field-errors.ts';
import { FieldPreview } from './field-preview.tsx';
import { DefaultValueInput } from './default-value-input.tsx';
import {
  acceptFieldDraft,
  fieldFormSchema,
  initialValues,
  optionLosses,
  optionTexts,
  toFieldInput,
  type FieldFormValues,
  type OptionLoss,
} from './field-form-schema.ts';
import { OptionImpactDialog } from './option-impact-dialog.tsx';
import { startOptionMove } from './start-option-move.ts';
import { OptionsEditor } from './options-editor.tsx';
import { NameInputs } from './name-inputs.tsx';
import { TypeChoice } from './type-choice.tsx';

type KnownField = Field & { type: FieldType };

interface FieldFormProps {
  /** The workspace's fields, for uniqueness and merge tag suggestions. */
  fields: readonly Field[];
  /** The field being edited; absent for a new one. */
  field?: KnownField;
  /** Where the unsent form is kept in this browser. */
  draftKey: string;
}

interface ServerProblem {
  message: string;
  causes?: readonly string[];
  gone?: boolean;
  retry?: boolean;
}

export function FieldForm({ fields, field, draftKey }: FieldFormProps) {
  const editing = field !== undefined;
  const others = useMemo(() => fields.filter((other) => other.id !== field?.id), [fields, field?.id]);
  const takenTags = useMemo(() => new Set(others.map((other) => other.merge_tag)), [others]);
  const schema = useMemo(() => fieldFormSchema(others), [others]);
  const base = useMemo(() => initialValues(field), [field]);
  const kit = useFormKit<FieldFormValues>({ schema, base, draftKey, accept: acceptFieldDraft });
  const { form, restored } = kit;
  const { register, control, handleSubmit, setError, getValues, watch } = form;
  const saved = useRef(false);

  const create = useCreateField();
  const update = useUpdateField();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [problem, setProblem] = useState<ServerProblem>();
  const problemRef = useRef<HTMLDivElement>(null);
  // The merge tag follows the label until the admin edits it (never on an existing field).
  const [tagTouched, setTagTouched] = useState(editing || Boolean(restored?.form.merge_tag));

  const type = watch('type');

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  async function recheckWithFreshFields(): Promise<boolean> {
    const fresh = await queryClient.fetchQuery({ ...fieldQueries.all(), staleTime: 0 }).catch(() => null);
    if (!fresh) return false;
    const result = fieldFormSchema(fresh.filter((other) => other.id !== field?.id)).safeParse(getValues());
    if (result.success) return false;
    placeServerErrors(
      setError,
      result.error.issues.map((issue) => ({
        name: issue.path.join('.') as Path<FieldFormValues>,
        message: issue.message,
      })),
    );
    return true;
  }

  const [confirming, setConfirming] = useState<{ values: FieldFormValues; losses: OptionLoss[] }>();

  const onSubmit = handleSubmit(async (values) => {
    if (values.type === '') return;
    // Options that contacts may hold are taken away only once the admin has seen how many hold them.
    const losses =
      field && hasOptions(field.type) ? optionLosses(values.options, parseDefinition(field.definition)) : [];
    if (losses.length > 0) setConfirming({ values, losses });
    else await saveField(values);
  });

  async function saveField(values: FieldFormValues, moves: OptionMove[] = []) {
    if (values.type === '') return;
    setProblem(undefined);
    const input = toFieldInput({ ...values, type: values.type });
    try {
      let moving: JobView | null = null;
      const ran = await kit.save(async () => {
        // Holders to move go to a job, which sets the final options; with none left, a plain save.
        if (field && moves.length > 0)
          moving = await startOptionMove(field, input, moves, (id, next) => update.mutateAsync({ id, input: next }));
        if (moving) return;
        if (field) await update.mutateAsync({ id: field.id, input });
        else await create.mutateAsync(input);
      });
      if (!ran) return;
      if (moving) {
        saved.current = true;
        notify(
          `Moving the holders of ${moves.length === 1 ? 'an option' : `${moves.length} options`} of “${input.label}”.`,
        );
        navigate(`/jobs/${(moving as JobView).id}`);
        return;
      }
      notify(`Field “${input.label}” ${field ? 'saved' : 'created'}.`);
      saved.current = true;
      navigate('/fields');
    } catch (error) {
      const failure = placeFieldSaveError(error);
      if (failure.at === 'type') {
        placeServerErrors(setError, [{ name: 'type', message: failure.message }]);
      } else if (failure.at === 'recheck') {
        if (!(await recheckWithFreshFields())) setProblem({ message: 'Validation error', causes: VALIDATION_CAUSES });
      } else {
        setProblem({ message: failure.message, gone: failure.gone, retry: failure.retry });
      }
    }
  }

  const { saving } = kit;

  return (
    <FormProvider {...form}>
      <LeaveGuard draftKey={draftKey} changed={() => kit.changed() && !saved.current} onDiscard={kit.discardDraft} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <form
          noValidate
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (!kit.saving) void onSubmit();
            }
          }}
          className="space-y-6"
          aria-label={editing ? `Edit ${field.label}` : 'New field'}
        >
          {restored && (
            <RestoredDraft
              savedAt={restored.savedAt}
              onDiscard={() => {
                kit.discardRestored();
                // A new field's merge tag follows its label again.
                setTagTouched(editing);
              }}
            />
          )}
          {problem && (
            <div ref={problemRef} tabIndex={-1} className="outline-none">
              <Alert title={`CampaignLark did not save the field: “${problem.message}”`}>
                {problem.causes && <Causes causes={problem.causes} />}
                {problem.gone && (
                  <p>
                    Someone may have deleted it meanwhile.{' '}
                    <Link to="/fields" className="underline">
                      See the fields as they are now
                    </Link>
                    .
                  </p>
                )}
                <p>
                  {problem.retry
                    ? 'Everything you entered is still here.'
                    : 'Nothing was saved; everything you entered is still here.'}
                </p>
                {problem.retry && (
                  <Button busy={saving} busyLabel="Sending…" onClick={() => void onSubmit()}>
                    Try again
                  </Button>
                )}
              </Alert>
            </div>
          )}

          <NameInputs
            storedTag={field?.merge_tag}
            takenTags={takenTags}
            tagTouched={tagTouched}
            onTagTouched={setTagTouched}
          />

          <TypeChoice editing={editing} />

          {type !== '' && hasOptions(type) && <OptionsEditor />}

          {type !== '' && <DefaultValueInput type={type} />}

          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                id="required"
                type="checkbox"
                {...register('required')}
                aria-describedby="required-hint"
                className="size-5 accent-indigo-600"
              />
              <label htmlFor="required" className="text-sm font-medium">
                Required
              </label>
            </div>
            <p id="required-hint" className="text-xs text-slate-600 dark:text-slate-400">
              Every contact must then have a value: the contact form will not save without one, and CampaignLark refuses
              contacts that lack it.
            </p>
          </div>

          <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
            <Button type="submit" variant="primary" busy={saving} busyLabel="Saving…">
              {editing ? 'Save field' : 'Create field'}
            </Button>
            <Link to="/fields" className={buttonClass('secondary')}>
              Cancel
            </Link>
          </div>
        </form>
        <FieldPreview control={control} />
      </div>
      {confirming && field && (
        <OptionImpactDialog
          field={field}
          losses={confirming.losses}
          options={optionTexts(confirming.values.options)}
          onConfirm={(moves) => void saveField(confirming.values, moves)}
          onClose={() => setConfirming(undefined)}
        />
      )}
    </FormProvider>
  );
}

/**
 * The contact form's body, generated from the workspace's fields: one input per field in order, then
 * Status and Tags. Checks run before sending; the API's own messages land at the input they
 * name; a failure never clears what was typed, and the unsent form is kept as a local draft.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Controller, useForm, useFormState } from 'react-hook-form';
import type { ContactStatus } from '../../contract/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { RestoredDraft } from '../../components/ui/restored-draft.tsx';
import { useDraftKeeping } from '../../lib/forms/drafts.ts';
import { KIT_MODES, SKIPPED, useLateResolver, useSaving } from '../../lib/forms/use-form-kit.ts';
import { useProgressiveCount } from '../../lib/progressive-list.ts';
import { AutomationNote } from './automation-note.tsx';
import { changesOf, hasChanges, own, STATUS_KEY } from './contact-changes.ts';
import type { ContactFormProps } from './contact-form.tsx';
import { startContactForm } from './contact-draft.ts';
import { contactFormSchema, emptyContact, isKnown, type ContactFormValues } from '../../field-types/contact-values.ts';
import { ConflictChoice, conflictMessage, GeneratedField } from './generated-field.tsx';
import { StatusField } from './status-field.tsx';
import { automationOnCreate, STATUS_MEANINGS } from '../../lib/contact-statuses.ts';
import { ContactFormActions } from './contact-form-actions.tsx';
import { ContactErrorSummary, LONG_FORM_FIELDS, LongFormTools, useLongForm } from './long-form-tools.tsx';
import { TagPicker } from './tag-picker.tsx';
import { useMergeState } from './use-merge-state.ts';
import { SaveProblemAlert, useSaveProblem } from './use-save-problem.tsx';

type Mode = 'save' | 'next';

const NOTHING_KEPT = {};

export function ContactFormBody({
  purpose,
  fields,
  tags,
  initial,
  draftKey,
  save,
  refetchFields,
  onSaved,
  onSavedAndNext,
}: ContactFormProps) {
  const known = useMemo(() => fields.filter(isKnown), [fields]);
  const unknown = useMemo(() => fields.filter((field) => !isKnown(field)), [fields]);
  const [start] = useState(() => startContactForm(purpose, draftKey, known, initial));
  const [restored, setRestored] = useState(start.restored);
  // The checks depend on the base, which lives beside the form: the resolver reads the latest.
  const { resolver, check } = useLateResolver<ContactFormValues>();
  const form = useForm<ContactFormValues>({
    resolver,
    defaultValues: start.base,
    ...KIT_MODES,
    // A long form's failed save shows its error summary, which takes the focus instead.
    shouldFocusError: known.length < LONG_FORM_FIELDS,
  });
  const merge = useMergeState(form, known, start, initial);
  // A stored value is checked only once the admin changes it (a value that is no longer an option stays).
  const kept = purpose === 'update' ? merge.base.values : NOTHING_KEPT;
  check(useMemo(() => contactFormSchema(known, kept), [known, kept]));
  const { control, register, handleSubmit, setError, setFocus, getValues } = form;
  // One subscription to the values' errors for every input that holds its own value.
  const valueErrors = useFormState({ control, name: 'values' }).errors.values as
    Record<string, { message?: string }> | undefined;
  const saved = useRef(false);
  const notify = useNotify();
  const { saving, run } = useSaving();
  const [keepForNext, setKeepForNext] = useState(false);
  const mode = useRef<Mode>('save');
  const firstInput = known[0] ? (`values.${known[0].merge_tag}` as const) : undefined;
  const changedNow = () => hasChanges(changesOf(known, merge.base, getValues()));

  // Kept as base + changes, never as a whole record (see contact-draft.ts).
  const draft = useDraftKeeping(draftKey, form, (values) => {
    const changes = changesOf(known, merge.base, values);
    return hasChanges(changes) ? { base: merge.base, changes } : null;
  });
  const rendered = useProgressiveCount(known.length);
  const { long, showHints, setShowHints, open } = useLongForm(known.length, rendered);
  const { problem, setProblem, problemRef, placeError } = useSaveProblem({
    purpose,
    fields,
    known,
    refetchFields,
    setError,
  });

  const submit = handleSubmit(async (values) => {
    if (saving) return;
    if (purpose === 'update' && !changedNow()) {
      notify('Nothing to save: no value was changed.');
      return;
    }
    setProblem(undefined);
    try {
      const outcome = await run(() => save(merge.base, values));
      if (outcome === SKIPPED) return;
      if ('rebased' in outcome) {
        merge.adopt(outcome.rebased);
        const count = Object.keys(outcome.rebased.conflicts).length;
        setProblem({
          title: 'Nothing was saved: this contact was changed elsewhere meanwhile.',
          message: `${count === 1 ? 'A value you changed was' : `${count} values you changed were`} also changed elsewhere since you opened this contact. Choose “Use theirs” or “Keep mine” at each, then save again. The form now shows the contact as stored, with your other changes kept.`,
        });
        return;
      }
      draft.discard();
      setRestored(null);
      if (mode.current === 'next' && onSavedAndNext) {
        const next = { ...emptyContact(known), ...(keepForNext ? { status: values.status, tags: values.tags } : {}) };
        merge.restart(next);
        onSavedAndNext(outcome.saved, next.status);
        if (firstInput) setTimeout(() => setFocus(firstInput));
      } else {
        saved.current = true;
        onSaved(outcome.saved);
      }
    } catch (error) {
      await placeError(error);
    }
  });

  function send(how: Mode) {
    mode.current = how;
    // Every input must exist before checking, so the first error can take the focus.
    if (rendered.count < known.length) flushSync(rendered.showAll);
    void submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send(event.shiftKey && onSavedAndNext ? 'next' : 'save');
    }
  }

  const statusConflict = own(merge.conflicts, STATUS_KEY) as ContactStatus | undefined;

  return (
    <form
      noValidate
      aria-label={purpose === 'create' ? 'New contact' : 'Edit contact'}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        send('save');
      }}
      className="max-w-2xl space-y-5"
    >
      <LeaveGuard draftKey={draftKey} changed={() => changedNow() && !saved.current} onDiscard={draft.discard} />
      {restored && (
        <RestoredDraft
          savedAt={restored.savedAt}
          inputs={restored.inputs}
          onDiscard={() => {
            draft.discard();
            setRestored(null);
            merge.restart(initial);
          }}
        />
      )}
      {problem && (
        <SaveProblemAlert problem={problem} boxRef={problemRef} saving={saving} onRetry={() => send(mode.current)} />
      )}
      {long && <ContactErrorSummary control={control} fields={known} onOpen={open} />}
      {long && <LongFormTools fields={known} showHints={showHints} onShowHints={setShowHints} onOpen={open} />}
      {unknown.length > 0 && (
        <Alert tone="warning" announce={false} title="Some fields cannot be filled in here.">
          <p>
            Lark Admin does not know their types, so it leaves them out:{' '}
            {unknown.map((field) => `${field.label} (${field.raw_type})`).join(', ')}.
          </p>
        </Alert>
      )}

      {/* Held still while a save reads and writes: a keystroke then would be lost to the restart that follows. */}
      <fieldset disabled={saving} className="space-y-5">
        {known.slice(0, rendered.count).map((field) => (
          <GeneratedField
            key={field.id}
            field={field}
            control={control}
            register={register}
            error={own(valueErrors ?? {}, field.merge_tag)?.message}
            defaultValue={own(merge.base.values, field.merge_tag) ?? own(initial.values, field.merge_tag)}
            conflict={own(merge.conflicts, field.merge_tag)}
            onResolve={merge.resolve}
            showHint={showHints}
          />
        ))}

        <Controller
          control={control}
          name="status"
          render={({ field: input, fieldState }) => (
            <StatusField
              value={input.value}
              onChange={input.onChange}
              onBlur={input.onBlur}
              inputRef={input.ref}
              error={
                statusConflict ? conflictMessage(STATUS_MEANINGS[statusConflict].title) : fieldState.error?.message
              }
              consequence={
                purpose === 'create' ? automationOnCreate : () => 'Changing the status sets off no automation.'
              }
            />
          )}
        />
        {statusConflict && <ConflictChoice label="Status" onResolve={(choice) => merge.resolve(STATUS_KEY, choice)} />}
        <Controller
          control={control}
          name="tags"
          render={({ field: input, fieldState }) => (
            <TagPicker
              tags={tags}
              value={input.value}
              onChange={input.onChange}
              onBlur={input.onBlur}
              inputRef={input.ref}
              error={fieldState.error?.message}
            />
          )}
        />
      </fieldset>

      {purpose === 'update' && <AutomationNote control={control} base={merge.base} />}
      <ContactFormActions
        purpose={purpose}
        saving={saving}
        mode={mode.current}
        onSaveAndNext={onSavedAndNext ? () => send('next') : undefined}
        keepForNext={keepForNext}
        onKeepForNext={setKeepForNext}
      />
    </form>
  );
}

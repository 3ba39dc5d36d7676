/**
 * The contact form, generated from the workspace's fields: one input per field in order, then
 * Status and Tags. Checks run before sending; the API's own messages land at the input they
 * name; a failure never clears what was typed, and the unsent form is kept as a local draft.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Controller, useForm, useFormState, type Control, type Path } from 'react-hook-form';
import type { ContactInput } from '../../api/contacts.ts';
import type { Contact, Field, Tag } from '../../api/schemas.ts';
import type { WireValue } from '../../contract/values.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { LeaveGuard } from '../../components/ui/leave-guard.tsx';
import { RestoredDraft } from '../../components/ui/restored-draft.tsx';
import { FieldInput, mergeTagHint } from '../../field-types/field-input.tsx';
import type { FormValue } from '../../field-types/spec.ts';
import { useDraftKeeping } from '../../lib/form-draft.ts';
import { formResolver } from '../../lib/form-resolver.ts';
import { useProgressiveCount } from '../../lib/progressive-list.ts';
import { Link } from '../../lib/router.tsx';
import { loadContactDraft } from './contact-draft.ts';
import { placeContactError } from './contact-errors.ts';
import { contactFormSchema, contactRules, defaultFieldValues, encodeContact, isKnown, type ContactFormValues, type KnownField } from './contact-form-schema.ts';
import { StatusField } from './status-field.tsx';
import { automationOnCreate } from './statuses.ts';
import { TagPicker } from './tag-picker.tsx';

interface ContactFormProps {
  /** A new contact, or changes to an existing one. */
  purpose: 'create' | 'update';
  fields: readonly Field[];
  tags: readonly Tag[];
  /** The values the form starts from (and returns to on "Discard"). */
  initial: ContactFormValues;
  /**
   * Values of fields the form cannot show (a type Lark Admin does not know), sent back as they
   * are: the API replaces the whole record, so leaving them out would delete them.
   */
  keep?: Record<string, WireValue>;
  /** Where the unsent form is kept in this browser. */
  draftKey: string;
  save: (input: ContactInput) => Promise<Contact>;
  /** Fetches the field list again and answers it (when the API says the form is stale). */
  refetchFields: () => Promise<readonly Field[]>;
  onSaved: (contact: Contact) => void;
  /** Offers "Save and add another", and says the save, since no page change confirms it. */
  onSavedAndNext?: (contact: Contact) => void;
}

interface Problem {
  title: string;
  message: string;
  gone?: boolean;
  /** Offer to send again: the failure was the network's or the server's, not the values'. */
  retry?: boolean;
}

type Mode = 'save' | 'next';

export function ContactForm({ purpose, fields, tags, initial, keep = {}, draftKey, save, refetchFields, onSaved, onSavedAndNext }: ContactFormProps) {
  const known = useMemo(() => fields.filter(isKnown), [fields]);
  const unknown = useMemo(() => fields.filter((field) => !isKnown(field)), [fields]);
  const schema = useMemo(() => contactFormSchema(known), [known]);
  const defaults = useMemo(() => defaultFieldValues(known), [known]);
  const [restored, setRestored] = useState(() => loadContactDraft(draftKey, known, initial));
  const form = useForm<ContactFormValues>({
    resolver: formResolver(schema),
    defaultValues: initial,
    values: restored?.form,
    resetOptions: { keepDefaultValues: true },
    // Checked on Save, then again as each value changes; never on leaving an input, where the
    // error it inserts would push the Save button from under a pointer already pressing it.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, setError, reset, setFocus } = form;
  const { isDirty } = form.formState;
  const saved = useRef(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [pendingError, setPendingError] = useState<{ name: Path<ContactFormValues>; message: string }>();
  const mode = useRef<Mode>('save');
  const problemRef = useRef<HTMLDivElement>(null);
  const firstInput = known[0] ? (`values.${known[0].merge_tag}` as const) : undefined;

  const draft = useDraftKeeping(draftKey, form);
  const rendered = useProgressiveCount(known.length);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  // A field that arrived with a fresh list gets its error once its input exists.
  useEffect(() => {
    if (pendingError && known.some((field) => `values.${field.merge_tag}` === pendingError.name)) {
      setError(pendingError.name, { type: 'server', message: pendingError.message }, { shouldFocus: true });
      setPendingError(undefined);
    }
  }, [pendingError, known, setError]);

  async function placeError(error: unknown) {
    const failure = placeContactError(error, fields);
    switch (failure.at) {
      case 'field':
        setError(`values.${failure.mergeTag}`, { type: 'server', message: failure.message }, { shouldFocus: true });
        return;
      case 'status':
        setError('status', { type: 'server', message: failure.message }, { shouldFocus: true });
        return;
      case 'tags':
        setError('tags', { type: 'server', message: failure.message }, { shouldFocus: true });
        return;
      case 'refetch': {
        const fresh = await refetchFields().catch(() => fields);
        const field = failure.label === undefined ? undefined : fresh.find((candidate) => candidate.label === failure.label);
        if (field) setPendingError({ name: `values.${field.merge_tag}`, message: failure.message });
        setProblem({
          title: 'The workspace’s fields changed while you were filling in the form.',
          message: `CampaignLark said: “${failure.message}” The form now shows the current fields, and everything you entered is kept. Check it, then send again.`,
        });
        return;
      }
      case 'form':
        setProblem(
          failure.saved === 'unknown'
            ? {
                title: 'Lark Admin cannot tell whether the contact was saved.',
                message: `${failure.message} Everything you entered is still here. Sending again is safe: CampaignLark refuses a second contact with the same address${purpose === 'update' ? ', and an update only replaces the same record' : ''}.`,
                retry: true,
              }
            : { title: 'The contact was not saved.', message: `${failure.message} Everything you entered is still here.`, gone: failure.gone },
        );
    }
  }

  const submit = handleSubmit(async (values) => {
    if (saving) return;
    setSaving(true);
    setProblem(undefined);
    try {
      const input = encodeContact(known, values);
      const contact = await save({ ...input, fields: { ...keep, ...input.fields } });
      draft.discard();
      setRestored(null);
      if (mode.current === 'next' && onSavedAndNext) {
        reset({ status: values.status, tags: values.tags, values: defaults });
        onSavedAndNext(contact);
        if (firstInput) setTimeout(() => setFocus(firstInput));
      } else {
        saved.current = true;
        onSaved(contact);
      }
    } catch (error) {
      await placeError(error);
    } finally {
      setSaving(false);
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
      <LeaveGuard changed={() => (isDirty || restored !== null) && !saved.current} />
      {restored && (
        <RestoredDraft
          savedAt={restored.savedAt}
          onDiscard={() => {
            draft.discard();
            setRestored(null);
            reset(initial);
          }}
        />
      )}
      {problem && (
        <div ref={problemRef} tabIndex={-1} className="outline-none">
          <Alert title={problem.title}>
            <p>{problem.message}</p>
            {problem.retry && (
              <Button busy={saving} busyLabel="Sending…" onClick={() => send(mode.current)}>
                Try again
              </Button>
            )}
            {problem.gone && (
              <p>
                <Link to="/contacts" className="underline">
                  Go to the contacts list
                </Link>
              </p>
            )}
          </Alert>
        </div>
      )}
      {unknown.length > 0 && (
        <Alert tone="warning" announce={false} title="Some fields cannot be filled in here.">
          <p>
            Lark Admin does not know their types, so it leaves them out:{' '}
            {unknown.map((field) => `${field.label} (${field.raw_type})`).join(', ')}.
          </p>
        </Alert>
      )}

      {known.slice(0, rendered.count).map((field) => (
        <GeneratedField key={field.id} field={field} control={control} defaultValue={defaults[field.merge_tag]} />
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
            error={fieldState.error?.message}
            consequence={purpose === 'create' ? automationOnCreate : () => 'Changing the status sets off no automation.'}
          />
        )}
      />
      <Controller
        control={control}
        name="tags"
        render={({ field: input, fieldState }) => (
          <TagPicker tags={tags} value={input.value} onChange={input.onChange} onBlur={input.onBlur} inputRef={input.ref} error={fieldState.error?.message} />
        )}
      />

      {purpose === 'update' && <AutomationNote control={control} />}
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button type="submit" variant="primary" busy={saving && mode.current === 'save'} disabled={saving} busyLabel="Saving…">
          {purpose === 'create' ? 'Save contact' : 'Save changes'}
        </Button>
        {onSavedAndNext && (
          <Button busy={saving && mode.current === 'next'} disabled={saving} busyLabel="Saving…" onClick={() => send('next')}>
            Save and add another
          </Button>
        )}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves{onSavedAndNext ? <>; with <kbd>Shift</kbd>, saves and starts the next contact</> : null}.
        </p>
      </div>
    </form>
  );
}

const MemoFieldInput = memo(FieldInput);

/**
 * One generated input. Its props stay the same objects between renders, so when the form's
 * errors change (a submit marks 150 fields at once) only the inputs whose error changed render.
 */
const GeneratedField = memo(function GeneratedField({ field, control, defaultValue }: { field: KnownField; control: Control<ContactFormValues>; defaultValue: FormValue | undefined }) {
  const rules = useMemo(() => contactRules(field), [field]);
  const hint = useMemo(() => mergeTagHint(field.merge_tag), [field.merge_tag]);
  return (
    <Controller
      control={control}
      name={`values.${field.merge_tag}`}
      defaultValue={defaultValue}
      render={({ field: input, fieldState }) => (
        <MemoFieldInput
          id={`field-${field.merge_tag}`}
          name={input.name}
          type={field.type}
          mergeTag={field.merge_tag}
          rules={rules}
          value={input.value}
          onChange={input.onChange}
          onBlur={input.onBlur}
          inputRef={input.ref}
          hint={hint}
          error={fieldState.error?.message}
        />
      )}
    />
  );
});

/** What saving changes to an existing contact sets off in CampaignLark (the contract). */
function AutomationNote({ control }: { control: Control<ContactFormValues> }) {
  const { dirtyFields } = useFormState({ control });
  const notes = [
    dirtyFields.tags && 'Tag Added and Tag Removed automations run for the tags you added or removed.',
    dirtyFields.values && Object.keys(dirtyFields.values).length > 0 && 'Field Updated automations may run for the fields you changed.',
    dirtyFields.status && 'Changing the status sets off no automation.',
  ].filter(Boolean);
  if (notes.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50">
      <p className="font-semibold">Saving will set off:</p>
      <ul className="list-disc pl-5">
        {notes.map((note) => (
          <li key={String(note)}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

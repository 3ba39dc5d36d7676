/**
 * The one way forms work here: react-hook-form holds the values; a zod schema checks them through
 * @hookform/resolvers' zodResolver, on Save and then on every change (never on leaving an input,
 * where an error appearing would move the Save button from under a pointer pressing it); a draft
 * is kept in this browser as base + changes; a save runs once at a time and shows it; and the
 * API's messages land on the inputs they name.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormSetError,
} from 'react-hook-form';
import type * as z from 'zod/mini';
import { flatChanges, restoreFlatDraft, useDraftKeeping } from './drafts.ts';

/**
 * A resolver that checks with the schema given last: `check(schema)` may come after useForm, for a
 * schema built from state that lives beside the form (the contact form's base).
 */
export function useLateResolver<T extends FieldValues>() {
  const current = useRef<{ schema?: unknown; resolver?: Resolver<T> }>({});
  const resolver = useCallback<Resolver<T>>((...args) => current.current.resolver!(...args), []);
  const check = (schema: z.ZodMiniType<unknown, FieldValues>) => {
    if (current.current.schema !== schema)
      current.current = { schema, resolver: zodResolver(schema) as unknown as Resolver<T> };
  };
  return { resolver, check };
}

/** A resolver that always checks with the latest schema (one built from data that can change). */
function useKitResolver<T extends FieldValues>(schema: z.ZodMiniType<unknown, FieldValues>): Resolver<T> {
  const { resolver, check } = useLateResolver<T>();
  check(schema);
  return resolver;
}

/** The form-wide settings every form shares. */
export const KIT_MODES = { mode: 'onSubmit', reValidateMode: 'onChange' } as const;

interface ServerError<T extends FieldValues> {
  name: Path<T>;
  message: string;
}

/** The API's messages at the inputs they name; the first takes the focus. */
export function placeServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  errors: readonly ServerError<T>[],
) {
  errors.forEach(({ name, message }, index) =>
    setError(name, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
}

/** What `run` answers for a save it did not start, because one was running. */
export const SKIPPED = Symbol('skipped');

/** One save at a time: a second press while one runs sends nothing, and `saving` says so. */
export function useSaving() {
  const [saving, setSaving] = useState(false);
  const running = useRef(false);
  /** Runs `work` unless a save is running already: then it answers SKIPPED, and nothing is sent. */
  const run = useCallback(async <R>(work: () => Promise<R>): Promise<R | typeof SKIPPED> => {
    if (running.current) return SKIPPED;
    running.current = true;
    setSaving(true);
    try {
      return await work();
    } finally {
      running.current = false;
      // At once, not at the next render: a failure's message may focus an input held still meanwhile.
      flushSync(() => setSaving(false));
    }
  }, []);
  return { saving, run };
}

interface FormKitOptions<T extends FieldValues> {
  schema: z.ZodMiniType<unknown, FieldValues>;
  /** The values the form starts from (and returns to when a draft is discarded); keep it stable. */
  base: T;
  /** Where the unsent form is kept in this browser. */
  draftKey: string;
  /** Reads a stored form back, keeping only what still fits; null when nothing does. */
  accept: (stored: unknown) => T | null;
}

/** A flat form (fields, tags) with everything the kit gives. */
export function useFormKit<T extends FieldValues>({ schema, base, draftKey, accept }: FormKitOptions<T>) {
  const resolver = useKitResolver<T>(schema);
  const [restored, setRestored] = useState(() => restoreFlatDraft(draftKey, base, accept));
  const form = useForm<T>({ resolver, defaultValues: base as DefaultValues<T>, ...KIT_MODES });
  const draft = useDraftKeeping(draftKey, form, (values) => {
    const changes = flatChanges(base, values);
    return Object.keys(changes).length > 0 ? { base, changes } : null;
  });
  const { saving, run } = useSaving();

  // A restored draft's changes go in as changes (so the form knows it has some) before the first paint.
  useLayoutEffect(() => {
    for (const key of restored?.changed ?? [])
      form.setValue(key as Path<T>, restored!.form[key] as PathValue<T, Path<T>>, { shouldDirty: true });
    // Only the start.
  }, []);

  return {
    form,
    restored,
    saving,
    /**
     * Runs the save once at a time; after it succeeds the draft is gone. Answers whether it ran:
     * false for a second press while one runs, which must not be taken for a success.
     */
    save: async (work: () => Promise<void>): Promise<boolean> => {
      const outcome = await run(async () => {
        await work();
        draft.discard();
        setRestored(null);
      });
      return outcome !== SKIPPED;
    },
    /** Whether anything differs from where the form started (read when someone leaves). */
    changed: () => Object.keys(flatChanges(base, form.getValues())).length > 0,
    discardDraft: draft.discard,
    /** "Discard them": back to the base, the draft gone. */
    discardRestored: () => {
      draft.discard();
      setRestored(null);
      form.reset(base);
    },
  };
}

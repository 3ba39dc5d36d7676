/**
 * A form's unsent values, kept in this browser so a reload or a crash loses nothing. Each form
 * names its draft (per workspace mode, so sandbox entries never reach a live workspace's form)
 * and says how to read one back, keeping only what still fits.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

export interface Draft<T> {
  savedAt: string;
  form: T;
}

export function saveDraft(key: string, form: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), form }));
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

export function discardDraft(key: string) {
  localStorage.removeItem(key);
}

/** The stored draft, as `accept` reads it back, or null. */
export function readDraft<T>(key: string, accept: (stored: unknown) => T | null): Draft<T> | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as { savedAt?: unknown; form?: unknown } | null;
    const form = stored ? accept(stored.form) : null;
    return form && typeof stored?.savedAt === 'string' ? { savedAt: stored.savedAt, form } : null;
  } catch {
    return null;
  }
}

/**
 * Keeps every change a person makes (a reset by the form itself is not one). `toDraft` says what
 * to keep of the form's values; null means nothing is left to keep, and drops the draft.
 * `discard` drops the draft together with any save still waiting, which could otherwise land
 * after a successful send.
 */
export function useDraftKeeping<T extends FieldValues>(key: string, form: UseFormReturn<T>, toDraft: (values: T) => unknown = (values) => values) {
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const convert = useRef(toDraft);
  convert.current = toDraft;
  const write = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
    const draft = convert.current(form.getValues());
    if (draft === null) discardDraft(key);
    else saveDraft(key, draft);
  }, [form, key]);
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name === undefined) return;
      clearTimeout(pending.current);
      pending.current = setTimeout(write, 250);
    });
    return () => {
      subscription.unsubscribe();
      // Leaving the page within the wait still keeps the last keystrokes.
      if (pending.current !== undefined) write();
    };
  }, [form, write]);
  return {
    discard: useCallback(() => {
      clearTimeout(pending.current);
      pending.current = undefined;
      discardDraft(key);
    }, [key]),
  };
}

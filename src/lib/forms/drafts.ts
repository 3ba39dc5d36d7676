/**
 * A form's unsent values, kept in this browser so a reload or a crash loses nothing. Each form
 * names its draft with draftKey and says how to read one back, keeping only what still fits. A
 * draft is its owner's: each person's is kept in a slot of its own, which another person signed
 * in at this browser neither sees, counts nor writes over.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { draftOwner } from './draft-owner.ts';

export interface Draft<T> {
  savedAt: string;
  form: T;
}

const DRAFT_KEY = /^lark-admin:(contact|field|tag)-draft:/;
const BY = ':by:';

/**
 * A form's draft name: per workspace mode, so sandbox entries never reach a live workspace's form;
 * `which` is 'new' or the id of what is being edited.
 */
export const draftKey = (form: 'contact' | 'field' | 'tag', mode: string, which: string) =>
  `lark-admin:${form}-draft:${mode}:${which}`;

/**
 * Where the person signed in keeps the draft of this name. A draft kept before owners sits at the
 * bare name, as does one kept while nobody is known (a form on its own, outside the app).
 */
const slot = (name: string) => (draftOwner() ? `${name}${BY}${draftOwner()}` : name);

const allDraftSlots = () => Object.keys(localStorage).filter((key) => DRAFT_KEY.test(key));

/** The names of the drafts this browser keeps for the person signed in (and those kept before owners). */
export function storedDrafts(): string[] {
  try {
    const own = `${BY}${draftOwner()}`;
    return allDraftSlots().flatMap((key) =>
      key.endsWith(own) ? [key.slice(0, -own.length)] : key.includes(BY) ? [] : [key],
    );
  } catch {
    return [];
  }
}

/** Deletes every draft, anyone's (at sign-out: drafts hold contact details the next person here must not see). */
export function discardAllDrafts() {
  try {
    allDraftSlots().forEach((key) => localStorage.removeItem(key));
  } catch {
    // Storage refused: there is nothing kept to delete.
  }
}

export function saveDraft(name: string, form: unknown) {
  try {
    localStorage.setItem(slot(name), JSON.stringify({ savedAt: new Date().toISOString(), form }));
    // A draft from before owners, read back by this person, is theirs now.
    if (slot(name) !== name) localStorage.removeItem(name);
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

export function discardDraft(name: string) {
  localStorage.removeItem(slot(name));
  localStorage.removeItem(name);
}

/** The person's stored draft, as `accept` reads it back, or null. */
export function readDraft<T>(name: string, accept: (stored: unknown) => T | null): Draft<T> | null {
  try {
    const text = localStorage.getItem(slot(name)) ?? localStorage.getItem(name);
    const stored = JSON.parse(text ?? 'null') as { savedAt?: unknown; form?: unknown } | null;
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
export function useDraftKeeping<T extends FieldValues>(
  key: string,
  form: UseFormReturn<T>,
  toDraft: (values: T) => unknown = (values) => values,
) {
  // Set from a change until the draft is written: a pause in typing, then the browser's idle time.
  const waiting = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const convert = useRef(toDraft);
  convert.current = toDraft;
  const write = useCallback(() => {
    clearTimeout(pending.current);
    if (!waiting.current) return;
    waiting.current = false;
    const draft = convert.current(form.getValues());
    if (draft === null) discardDraft(key);
    else saveDraft(key, draft);
  }, [form, key]);
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name === undefined) return;
      waiting.current = true;
      clearTimeout(pending.current);
      pending.current = setTimeout(() => whenIdle(write), 250);
    });
    // A reload, a closed tab or a hidden page within the wait still keeps the last keystrokes.
    const hidden = () => {
      if (document.visibilityState === 'hidden') write();
    };
    window.addEventListener('pagehide', write);
    window.addEventListener('beforeunload', write);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', write);
      window.removeEventListener('beforeunload', write);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the page (inside the app) within the wait keeps them too.
      write();
    };
  }, [form, write]);
  return {
    discard: useCallback(() => {
      clearTimeout(pending.current);
      waiting.current = false;
      discardDraft(key);
    }, [key]),
  };
}

/** Runs `work` when the browser has nothing else to do (Safari has no requestIdleCallback: soon, then). */
const whenIdle = (work: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 1000 }) : setTimeout(work, 0);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The values that differ from the base, by key. */
export function flatChanges<T extends object>(base: T, values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !same(value, (base as Record<string, unknown>)[key])),
  ) as Partial<T>;
}

/**
 * A kept flat draft laid over the values as they are now: only the changed keys come back, so a
 * value changed elsewhere since the draft was kept, and untouched here, stays as it is now.
 * `accept` reads a whole form back (or null when it no longer fits); `changed` lists the keys restored.
 */
export function restoreFlatDraft<T extends object>(
  key: string,
  current: T,
  accept: (stored: unknown) => T | null,
): (Draft<T> & { changed: (keyof T)[] }) | null {
  const draft = readDraft(key, (stored) => {
    const kept = (stored ?? {}) as { base?: unknown; changes?: unknown };
    // A draft kept before drafts held base + changes is a whole form: all of it counts as changes.
    const { base, changes } = 'base' in kept && 'changes' in kept ? kept : { base: current, changes: stored };
    const whole = accept({ ...(base as object), ...(changes as object) });
    const startedFrom = accept(base);
    if (!whole || !startedFrom) return null;
    const changed = flatChanges(startedFrom, whole);
    return Object.keys(changed).length > 0 ? ({ ...current, ...changed } as T) : null;
  });
  if (!draft) return null;
  return { ...draft, changed: Object.keys(flatChanges(current, draft.form)) as (keyof T)[] };
}

/**
 * The forms on the page now, so leaving the whole app (signing out) asks first, as leaving one
 * form does, and, once the admin has decided, goes without the browser's own prompt and without
 * a draft written behind it.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { storedDrafts } from './drafts.ts';

interface OpenForm {
  draftKey: string;
  changed: () => boolean;
  /** The admin gave this form's changes up: drop its draft and stop asking. */
  release: () => void;
}

const open = new Set<OpenForm>();

export function useOpenForm(form: OpenForm) {
  const latest = useRef(form);
  useLayoutEffect(() => {
    latest.current = form;
  });
  useEffect(() => {
    const entry: OpenForm = {
      get draftKey() {
        return latest.current.draftKey;
      },
      changed: () => latest.current.changed(),
      release: () => latest.current.release(),
    };
    open.add(entry);
    return () => void open.delete(entry);
  }, []);
}

/** How many forms hold changes not sent to CampaignLark: those open here, and the drafts kept. */
export function unsentForms(): number {
  const keys = new Set(storedDrafts());
  open.forEach((form) => form.changed() && keys.add(form.draftKey));
  return keys.size;
}

export function releaseOpenForms() {
  open.forEach((form) => form.release());
}

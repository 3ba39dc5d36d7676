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
  /** The page is being left for good: stop asking, and drop the draft unless it is to be kept. */
  release: (keepDraft: boolean) => void;
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
      release: (keepDraft) => latest.current.release(keepDraft),
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

/** At sign-out the drafts go; when someone else signs in from the page, they stay their owner's. */
export function releaseOpenForms({ keepDrafts = false } = {}) {
  open.forEach((form) => form.release(keepDrafts));
}

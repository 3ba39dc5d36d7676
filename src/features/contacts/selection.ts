/**
 * Which contacts a bulk change is for: some picked by hand (kept across pages), or every contact
 * matching the search, less any unticked since. A new search starts a new selection.
 */
import { useEffect, useState } from 'react';

export type Selection =
  { all: false; emails: ReadonlySet<string> } | { all: true; total: number; except: ReadonlySet<string> };

const NONE: Selection = { all: false, emails: new Set() };

export const selectedCount = (selection: Selection) =>
  selection.all ? selection.total - selection.except.size : selection.emails.size;

export const isSelected = (selection: Selection, email: string) =>
  selection.all ? !selection.except.has(email) : selection.emails.has(email);

/** `searchKey`: the search without its page; when it changes, the selection is cleared. */
export function useSelection(searchKey: string) {
  const [selection, setSelection] = useState<Selection>(NONE);
  useEffect(() => setSelection(NONE), [searchKey]);

  const toggle = (emails: readonly string[], on: boolean) =>
    setSelection((current) => {
      const change = (set: ReadonlySet<string>, add: boolean) => {
        const next = new Set(set);
        for (const email of emails) {
          if (add) next.add(email);
          else next.delete(email);
        }
        return next;
      };
      return current.all
        ? { ...current, except: change(current.except, !on) }
        : { all: false, emails: change(current.emails, on) };
    });

  return {
    selection,
    toggle,
    selectAllMatching: (total: number) => setSelection({ all: true, total, except: new Set() }),
    clear: () => setSelection(NONE),
  };
}

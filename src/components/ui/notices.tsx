/**
 * Short confirmations ("Field “Colour” created.") in one polite live region at the top of the
 * page, in the flow of the page: a notice never covers a button, and never leaves by itself
 * while someone may still be reading it. It stays until dismissed or until the page after the
 * one it was shown on (a save that moves to the list shows its notice there).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigation } from '../../lib/router/components.tsx';

interface Notice {
  id: number;
  text: string;
  /** The page it was first shown on. */
  shownOn?: string;
}

type SetNotices = (update: (notices: Notice[]) => Notice[]) => void;

const NotifyContext = createContext<(text: string) => void>(() => {});
const NoticesContext = createContext<[Notice[], SetNotices]>([[], () => {}]);

let nextId = 1;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  // The latest says it all: notices never pile up and push the page down save after save.
  const notify = useCallback((text: string) => setNotices([{ id: nextId++, text }]), []);
  return (
    <NotifyContext value={notify}>
      <NoticesContext value={[notices, setNotices]}>{children}</NoticesContext>
    </NotifyContext>
  );
}

export const useNotify = () => useContext(NotifyContext);

export function NoticeRegion() {
  const [notices, setNotices] = useContext(NoticesContext);
  const { pathname } = useLocation();
  // While a move is under way, a new notice belongs to the page being moved to.
  const moving = useNavigation().state === 'loading';

  // Moving to another page takes away what the last page showed; a notice made on the way is kept.
  useEffect(
    () => setNotices((all) => all.filter((notice) => notice.shownOn === undefined || notice.shownOn === pathname)),
    [pathname, setNotices],
  );
  useEffect(() => {
    if (!moving && notices.some((notice) => notice.shownOn === undefined))
      setNotices((all) => all.map((notice) => ({ shownOn: pathname, ...notice })));
  }, [notices, pathname, moving, setNotices]);

  return (
    <div role="status" aria-live="polite" className="[&:not(:empty)]:mb-4">
      {notices.map((notice) => (
        <p
          key={notice.id}
          className="flex items-center justify-between gap-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
        >
          <span>{notice.text}</span>
          <button
            type="button"
            aria-label={`Dismiss: ${notice.text}`}
            onClick={() => setNotices((all) => all.filter((other) => other.id !== notice.id))}
            className="rounded px-1.5 text-lg leading-none hover:bg-emerald-100 dark:hover:bg-emerald-900"
          >
            <span aria-hidden="true">×</span>
          </button>
        </p>
      ))}
    </div>
  );
}

/**
 * Short confirmations ("Field “Colour” created.") in one polite live region, so they are read
 * once and fade by themselves, whichever page the person lands on next.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

interface Notice {
  id: number;
  text: string;
}

const NotifyContext = createContext<(text: string) => void>(() => {});
const NoticesContext = createContext<Notice[]>([]);

const SHOWN_FOR_MS = 8_000;
let nextId = 1;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((text: string) => setNotices((shown) => [...shown, { id: nextId++, text }]), []);

  useEffect(() => {
    if (notices.length === 0) return;
    const timer = setTimeout(() => setNotices((shown) => shown.slice(1)), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [notices]);

  return (
    <NotifyContext value={notify}>
      <NoticesContext value={notices}>{children}</NoticesContext>
    </NotifyContext>
  );
}

export const useNotify = () => useContext(NotifyContext);

export function NoticeRegion() {
  const notices = useContext(NoticesContext);
  return (
    <div role="status" aria-live="polite" className="fixed right-4 bottom-4 z-30 flex max-w-sm flex-col gap-2">
      {notices.map((notice) => (
        <p key={notice.id} className="rounded-md bg-slate-900 px-4 py-3 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">
          {notice.text}
        </p>
      ))}
    </div>
  );
}

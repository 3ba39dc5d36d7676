import { useEffect, useState } from 'react';

type Mode = 'sandbox' | 'live';

/** The app shell; the Fields issue grows it into navigation, pages and the API layer. */
export function App() {
  const [mode, setMode] = useState<Mode | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/status', { signal: controller.signal })
      .then((response) => response.json() as Promise<{ mode: Mode }>)
      .then((status) => setMode(status.mode))
      .catch(() => {});
    return () => controller.abort();
  }, []);

  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      {mode && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
          {mode === 'sandbox'
            ? 'Sandbox workspace: the data lives on this computer, not in CampaignLark.'
            : 'Live CampaignLark workspace: changes here change your real workspace.'}
        </p>
      )}
      <header className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h1 className="text-lg font-semibold">Lark Admin</h1>
      </header>
    </div>
  );
}

import type { ReactNode } from 'react';

/** The page's heading and the browser tab's title, kept the same. */
export function PageTitle({ children, actions }: { children: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <title>{`${children} · Lark Admin`}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

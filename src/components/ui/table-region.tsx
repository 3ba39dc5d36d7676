import type { ReactNode } from 'react';
import { focusRing } from './styles.ts';

/**
 * A table that scrolls sideways on narrow screens. The region is focusable so keyboard users can
 * scroll it, and `relative` keeps visually hidden header text from widening the page.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${focusRing}`}
    >
      {children}
    </div>
  );
}

export const tableHeadClass =
  'border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400';

/**
 * A row's actions stay in view at the right edge while the rest of the row scrolls sideways, so
 * they are reachable on a 375 px screen or at 200 % zoom without scrolling the table.
 */
export const actionsCellClass =
  'sticky right-0 bg-white px-4 py-2 whitespace-nowrap shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.2)] dark:bg-slate-900';

/** A column's heading cell, as every table here writes it. */
export function ColumnHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="px-4 py-2">
      {children}
    </th>
  );
}

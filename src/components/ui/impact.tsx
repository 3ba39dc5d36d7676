/**
 * What a destructive change touches, counted before it is made: one line per value, each saying
 * "Counting…", the count in words, or "Could not count" with a way to try again.
 */
import type { ReactNode } from 'react';
import { Button } from './button.tsx';

export interface CountedImpact {
  key: string;
  /** The count in words, e.g. "16 contacts hold “Starter”. …". */
  say: (count: number) => ReactNode;
  count: { isPending: boolean; isError: boolean; data: number | undefined; refetch: () => unknown };
}

/** "1 contact holds" / "16 contacts hold": the count with its verb agreeing. */
export const contactsWith = (count: number, one: string, many: string) =>
  count === 0 ? `No contact ${one}` : count === 1 ? `1 contact ${one}` : `${count.toLocaleString()} contacts ${many}`;

export const isCounting = (impacts: readonly CountedImpact[]) => impacts.some((impact) => impact.count.isPending);

export function ImpactList({ impacts }: { impacts: readonly CountedImpact[] }) {
  return (
    <ul aria-live="polite" className="mt-4 space-y-2 text-sm">
      {impacts.map(({ key, say, count }) => (
        <li
          key={key}
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          {count.isPending ? (
            'Counting…'
          ) : count.isError || count.data === undefined ? (
            <span className="flex flex-wrap items-center gap-2">
              Could not count.
              <Button onClick={() => void count.refetch()}>Try again</Button>
            </span>
          ) : (
            say(count.data)
          )}
        </li>
      ))}
    </ul>
  );
}

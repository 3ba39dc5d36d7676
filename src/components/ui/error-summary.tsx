/**
 * "There is a problem": every error of a failed save at the top of a long form, each a link to its
 * input (the GOV.UK error summary). It takes the focus when it appears, so the list is read first.
 */
import { useEffect, useRef, type MouseEvent } from 'react';

interface SummaryItem {
  /** The input's id. */
  id: string;
  label: string;
  message: string;
}

/** `attempt`: counts the saves; each failed one brings the focus here again, while typing never does. */
export function ErrorSummary({
  items,
  attempt,
  onOpen,
}: {
  items: readonly SummaryItem[];
  attempt: number;
  onOpen: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    box.current?.focus();
  }, [attempt]);
  if (!shown) return null;
  const open = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    onOpen(id);
  };
  return (
    <div
      ref={box}
      role="group"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 bg-white p-4 text-sm outline-none focus:ring-2 focus:ring-red-700 dark:border-red-400 dark:bg-slate-900"
    >
      <h2 id="error-summary-title" className="text-base font-semibold text-red-800 dark:text-red-300">
        There is a problem with {items.length === 1 ? '1 input' : `${items.length} inputs`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(event) => open(event, item.id)}
              className="text-red-800 underline dark:text-red-300"
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

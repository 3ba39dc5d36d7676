/** The look of inputs and buttons, kept in one place so every form matches. */
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ' +
  'placeholder:text-slate-400 focus:border-indigo-600 focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-100 aria-[invalid=true]:border-red-600 ' +
  'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:disabled:bg-slate-800 dark:aria-[invalid=true]:border-red-400';

export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** A link within text or a table: underlined, and focusable in sight. */
export const linkClass = `text-indigo-800 underline dark:text-indigo-300 ${focusRing}`;

import type { ButtonHTMLAttributes, Ref } from 'react';
import { focusRing } from './styles.ts';

const VARIANTS = {
  primary: 'bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-400 aria-disabled:bg-indigo-400',
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400 aria-disabled:bg-white aria-disabled:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:bg-slate-900 dark:disabled:text-slate-400 dark:aria-disabled:bg-slate-900 dark:aria-disabled:text-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-400 aria-disabled:bg-red-400',
} as const;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  ref?: Ref<HTMLButtonElement>;
  variant?: keyof typeof VARIANTS;
  /** While true the button is disabled and says what it is doing. */
  busy?: boolean;
  busyLabel?: string;
}

export function buttonClass(variant: keyof typeof VARIANTS = 'secondary') {
  return `inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-3.5 py-2 text-sm font-semibold shadow-xs disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${focusRing} ${VARIANTS[variant]}`;
}

export function Button({
  variant = 'secondary',
  busy = false,
  busyLabel,
  className = '',
  children,
  disabled,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`${buttonClass(variant)} ${className}`}
    >
      {busy && (
        <span aria-hidden="true" className="opacity-0 [animation:appear_0s_linear_300ms_forwards]">
          <span className="block size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
        </span>
      )}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

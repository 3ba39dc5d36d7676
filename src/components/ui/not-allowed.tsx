/**
 * What a person's role may not do stays in sight, disabled, with the reason in words: they see
 * what exists and why it is not theirs, and never begin what the server would refuse. A reason is
 * shown once near its controls, and each control it disables names it in aria-describedby. Such
 * a control is aria-disabled rather than disabled: it stays in the tab order, so a keyboard or
 * screen reader user reaches it and hears why, and a press does nothing.
 */
import type { ComponentProps, MouseEvent, ReactNode } from 'react';
import { Link } from '../../lib/router/components.tsx';
import { Alert } from './alert.tsx';
import { Button, buttonClass } from './button.tsx';

/** As useCan answers: allowed, or not and why; no reason yet while the person is still being read. */
export interface Permission {
  allowed: boolean;
  reason: string | null;
}

/** The person is not known yet: nothing is offered, and nothing refused either. */
export const stillKnowing = (permission: Permission) => !permission.allowed && permission.reason === null;

/** A control's aria-describedby, with the reason's id added while it is refused. */
export const describedBy = (permission: Permission, reasonId: string, own?: string) =>
  [own, permission.reason ? reasonId : undefined].filter(Boolean).join(' ') || undefined;

/** The reason in a line of small text, beside the controls that name `id`. */
export function NotAllowedNote({
  id,
  permission,
  className = '',
  children,
}: {
  id: string;
  permission: Permission;
  className?: string;
  children?: ReactNode;
}) {
  if (!permission.reason) return null;
  return (
    <p id={id} className={`self-center text-xs text-slate-600 dark:text-slate-400 ${className}`}>
      {permission.reason}
      {children && <> {children}</>}
    </p>
  );
}

/** In place of (or above) a form the role may not fill in. */
export function NotAllowedNotice({
  id,
  permission,
  children,
}: {
  id?: string;
  permission: Permission;
  children?: ReactNode;
}) {
  if (!permission.reason) return null;
  return (
    <Alert id={id} tone="info" announce={false} title={permission.reason}>
      {children}
    </Alert>
  );
}

interface Guarded {
  permission: Permission;
  /** The id of the NotAllowedNote (or Notice) that says why. */
  reasonId: string;
}

const ignore = (event: MouseEvent) => event.preventDefault();

/**
 * What a control the role may refuse carries. Refused (with the reason known), it is focusable,
 * marked disabled, described by the reason, and a press does nothing; while the person is still
 * being read there is no reason to give, so it is plainly disabled.
 */
export function guarded<E extends MouseEvent>(
  permission: Permission,
  reasonId: string,
  own: { disabled?: boolean | undefined; onClick?: ((event: E) => void) | undefined; describedBy?: string | undefined },
) {
  const refused = !permission.allowed && permission.reason !== null;
  return {
    disabled: !refused && (own.disabled || !permission.allowed),
    'aria-disabled': refused || undefined,
    onClick: refused ? ignore : own.onClick,
    'aria-describedby': describedBy(permission, reasonId, own.describedBy),
  };
}

export function GuardedButton({
  permission,
  reasonId,
  disabled,
  onClick,
  ...props
}: ComponentProps<typeof Button> & Guarded) {
  return (
    <Button
      {...props}
      {...guarded(permission, reasonId, { disabled, onClick, describedBy: props['aria-describedby'] })}
    />
  );
}

/** A link styled as a button; refused, it is a refused button, since a link cannot be disabled. */
export function GuardedLink({
  permission,
  reasonId,
  to,
  variant,
  className = '',
  children,
  'aria-label': label,
}: Guarded & {
  to: string;
  variant?: Parameters<typeof buttonClass>[0];
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
}) {
  if (permission.allowed)
    return (
      <Link to={to} aria-label={label} className={`${buttonClass(variant)} ${className}`}>
        {children}
      </Link>
    );
  return (
    <GuardedButton
      permission={permission}
      reasonId={reasonId}
      variant={variant}
      aria-label={label}
      className={className}
    >
      {children}
    </GuardedButton>
  );
}

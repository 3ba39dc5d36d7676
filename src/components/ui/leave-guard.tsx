/**
 * Asks before a changed form is left: inside the app with a dialog, and on closing or reloading
 * the tab with the browser's own prompt.
 */
import { useEffect } from 'react';
import { useBlocker } from '../../lib/router.tsx';
import { ConfirmDialog } from './dialog.tsx';

interface LeaveGuardProps {
  /** Read when someone tries to leave; false once the form's work is saved. */
  changed: () => boolean;
}

export function LeaveGuard({ changed }: LeaveGuardProps) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => changed() && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (changed()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      id="leave-form"
      title="Leave this form?"
      description="What you changed here has not been saved."
      confirmLabel="Leave without saving"
      busyLabel="Leaving…"
      busy={false}
      onConfirm={() => blocker.proceed()}
      onClose={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    />
  );
}

/**
 * Asks before a changed form is left: inside the app with a dialog, and on closing or reloading
 * the tab with the browser's own prompt. The form's draft is kept unless the admin discards it,
 * and the dialog says so rather than promising a loss it does not cause. Signing out asks for
 * every open form at once (open-forms.ts), and releases them when the admin goes ahead.
 */
import { useEffect, useRef } from 'react';
import { useOpenForm } from '../../lib/forms/open-forms.ts';
import { useBlocker } from '../../lib/router/components.tsx';
import { Button } from './button.tsx';
import { Dialog, type DialogHandle } from './dialog.tsx';

interface LeaveGuardProps {
  /** Where the form's draft is kept. */
  draftKey: string;
  /** Read when someone tries to leave; false once the form's work is saved. */
  changed: () => boolean;
  /** Drops the form's draft ("Discard changes"). */
  onDiscard: () => void;
}

export function LeaveGuard({ draftKey, changed, onDiscard }: LeaveGuardProps) {
  const released = useRef(false);
  const unsaved = () => !released.current && changed();
  useOpenForm({
    draftKey,
    changed: unsaved,
    release: (keepDraft) => {
      released.current = true;
      if (!keepDraft) onDiscard();
    },
  });
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved() && currentLocation.pathname !== nextLocation.pathname,
  );
  const handle = useRef<DialogHandle>(null);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!released.current && changed()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog
      id="leave-form"
      title="Leave this form?"
      description="Your changes are not saved to CampaignLark yet. Keep them as a draft in this browser to finish later, or discard them."
      handle={handle}
      onClose={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button autoFocus onClick={() => handle.current?.close()}>
          Stay
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            onDiscard();
            blocker.proceed();
          }}
        >
          Discard changes
        </Button>
        <Button variant="primary" onClick={() => blocker.proceed()}>
          Keep as draft
        </Button>
      </div>
    </Dialog>
  );
}

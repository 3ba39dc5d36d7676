/** A modal <dialog>: the browser traps focus, Escape closes it, and the page behind goes inert. */
import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

export interface DialogHandle {
  close: () => void;
}

interface DialogProps {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  handle?: Ref<DialogHandle>;
  /** Escape does not close it (while what it started is under way, and cannot be called back). */
  holdOpen?: boolean;
  children?: ReactNode;
}

export function Dialog({ id, title, description, onClose, handle, holdOpen = false, children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  useImperativeHandle(handle, () => ({ close: () => dialog.current?.close() }), []);
  return (
    <dialog
      ref={dialog}
      // Chrome lets a page refuse Escape's cancel only once; refusing the key itself holds every time.
      onKeyDown={(event) => {
        if (holdOpen && event.key === 'Escape') event.preventDefault();
      }}
      onCancel={(event) => {
        if (holdOpen) event.preventDefault();
      }}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-text` : undefined}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description && (
        <p id={`${id}-text`} className="mt-2 text-sm">
          {description}
        </p>
      )}
      {children}
    </dialog>
  );
}

interface ConfirmDialogProps {
  id: string;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** What the API answered when the action failed, worded as it worded it. */
  failure?: { title: string; message: string } | undefined;
  onConfirm: (close: () => void) => void;
  onClose: () => void;
  /** Between the description and the buttons: what the action touches, say. */
  children?: ReactNode;
  /** Holds the action back (while its impact is still being counted). */
  confirmDisabled?: boolean;
}

/** "Delete …?" with Cancel focused first, and the API's refusal shown inside. */
export function ConfirmDialog({
  id,
  title,
  description,
  confirmLabel,
  busyLabel,
  busy,
  failure,
  onConfirm,
  onClose,
  children,
  confirmDisabled,
}: ConfirmDialogProps) {
  const handle = useRef<DialogHandle>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const close = () => handle.current?.close();
  // The pressed button is disabled while busy: the focus waits on Cancel, which stays focusable.
  useEffect(() => {
    if (busy) cancel.current?.focus();
  }, [busy]);
  return (
    <Dialog id={id} title={title} description={description} onClose={onClose} handle={handle} holdOpen={busy}>
      {children}
      {failure && (
        <div className="mt-4">
          <Alert title={failure.title}>{failure.message}</Alert>
        </div>
      )}
      <div className="mt-6 flex justify-end gap-2">
        <Button ref={cancel} autoFocus aria-disabled={busy || undefined} onClick={busy ? undefined : close}>
          Cancel
        </Button>
        <Button
          variant="danger"
          busy={busy}
          busyLabel={busyLabel}
          disabled={confirmDisabled}
          onClick={() => onConfirm(close)}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

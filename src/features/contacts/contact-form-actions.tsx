/** The contact form's action bar: it stays in view at the bottom of the window, however long the form. */
import { Button } from '../../components/ui/button.tsx';

interface ContactFormActionsProps {
  purpose: 'create' | 'update';
  saving: boolean;
  /** Which save is running: the plain one, or "Save and add another". */
  mode: 'save' | 'next';
  /** Offers "Save and add another" (new contacts only). */
  onSaveAndNext: (() => void) | undefined;
  keepForNext: boolean;
  onKeepForNext: (keep: boolean) => void;
}

export function ContactFormActions({
  purpose,
  saving,
  mode,
  onSaveAndNext,
  keepForNext,
  onKeepForNext,
}: ContactFormActionsProps) {
  return (
    <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-slate-50/95 py-3 dark:border-slate-800 dark:bg-slate-950/95">
      <Button type="submit" variant="primary" busy={saving && mode === 'save'} disabled={saving} busyLabel="Saving…">
        {purpose === 'create' ? 'Save contact' : 'Save changes'}
      </Button>
      {onSaveAndNext && (
        <>
          <Button busy={saving && mode === 'next'} disabled={saving} busyLabel="Saving…" onClick={onSaveAndNext}>
            Save and add another
          </Button>
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={keepForNext}
              onChange={(event) => onKeepForNext(event.target.checked)}
              className="size-4 accent-indigo-600"
            />
            Keep status and tags for the next one
          </label>
        </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves
        {onSaveAndNext ? (
          <>
            ; with <kbd>Shift</kbd>, saves and starts the next contact
          </>
        ) : null}
        .
      </p>
    </div>
  );
}

/**
 * Signing out, loaded on the press of "Sign out" (the first page carries none of it). It deletes
 * the drafts this browser keeps, since they hold contact details the next person here must not
 * read; with any unsent, it asks first. Other tabs leave too.
 */
import { useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { request } from '../api/client.ts';
import { ConfirmDialog } from '../components/ui/dialog.tsx';
import { unsentForms } from '../lib/forms/open-forms.ts';
import { leaveSignedOut, tellOtherTabs } from './signed-out-channel.ts';

const formsWord = (count: number) => (count === 1 ? '1 form' : `${count} forms`);

/** `onEnd`: signing out did not happen, because the admin stayed or (with the reason) it failed. */
export default function SignOut({ onEnd }: { onEnd: (problem?: string) => void }) {
  const [unsent] = useState(unsentForms);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);

  async function signOut() {
    setProblem(null);
    setBusy(true);
    try {
      await request('/auth/logout', { method: 'POST', schema: z.string() });
    } catch (error) {
      if (unsent === 0) return onEnd((error as Error).message);
      setProblem((error as Error).message);
      setBusy(false);
      return;
    }
    tellOtherTabs();
    await leaveSignedOut();
  }
  // Nothing to lose: no question. Once, though StrictMode runs a mount's effects twice.
  useEffect(() => {
    if (unsent > 0 || started.current) return;
    started.current = true;
    void signOut();
  }, []);

  if (unsent === 0) return <span role="status">Signing out…</span>;
  return (
    <ConfirmDialog
      id="sign-out"
      title="Sign out and delete what is not saved?"
      description={`Changes to ${formsWord(unsent)} are kept in this browser but not saved to CampaignLark. Signing out deletes them, so the next person at this computer cannot read them.`}
      confirmLabel="Delete and sign out"
      busyLabel="Signing out…"
      busy={busy}
      failure={problem ? { title: 'Signing out failed', message: problem } : undefined}
      onConfirm={() => void signOut()}
      onClose={() => onEnd()}
    />
  );
}

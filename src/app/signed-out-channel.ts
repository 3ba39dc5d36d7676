/**
 * Leaving once signed out, and how a tab that signs out tells this browser's other tabs, so none
 * keeps contacts on screen or writes a draft back after the drafts are deleted.
 */
const CHANNEL = 'lark-admin:signed-out';
/**
 * This tab, since a channel hears its own page's other channels, and this tab is leaving already.
 * (Not crypto.randomUUID: that needs a secure context, and a password-mode server may be plain http.)
 */
const THIS_TAB = `${Date.now()}:${Math.random()}`;

export function tellOtherTabs() {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(THIS_TAB);
  channel.close();
}

/** Calls `then` when another tab of this browser signs out; returns the way to stop listening. */
export function onSignedOutElsewhere(then: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data !== THIS_TAB) then();
  };
  return () => channel.close();
}

/** The session is over: nothing asks, nothing is kept, and the page goes. */
export async function leaveSignedOut() {
  // A form open here has loaded this code already; without one there is nothing to release (and
  // code gone with an update must not keep the page here).
  await Promise.all([import('../lib/forms/open-forms.ts'), import('../lib/forms/drafts.ts')])
    .then(([forms, drafts]) => {
      forms.releaseOpenForms();
      drafts.discardAllDrafts();
    })
    .catch(() => {});
  window.location.assign('/auth/signed-out');
}

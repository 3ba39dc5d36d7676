import { useSyncExternalStore } from 'react';
import { useRateLimitWait, useRefusal } from '../api/connection.ts';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** The sign-in, in a new tab that ends on a page saying to come back: this tab keeps its forms. */
const SIGN_IN_AGAIN = `/auth/login?return=${encodeURIComponent('/auth/signed-in')}`;

/** Says, on every page, what stops Lark Admin from working and what can be done about it. */
export function ConnectionBanner() {
  const problem = useRefusal();
  const waitSeconds = useRateLimitWait();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const box = 'px-4 py-2 text-center text-sm';

  if (!online) {
    return (
      <p role="status" className={`${box} bg-slate-800 text-white`}>
        You are offline. Lark Admin carries on when the connection returns; nothing you typed is lost.
      </p>
    );
  }
  if (problem?.kind === 'session') {
    return (
      <div role="alert" className={`${box} bg-red-700 text-white`}>
        <strong>Your session ended.</strong>{' '}
        <a href={SIGN_IN_AGAIN} target="_blank" rel="noopener" className="font-semibold underline">
          Sign in again
        </a>{' '}
        (in a new tab), then save again here: forms keep what you typed.
      </div>
    );
  }
  if (problem?.kind === 'auth') {
    return (
      <div role="alert" className={`${box} bg-red-700 text-white`}>
        <strong>CampaignLark does not accept Lark Admin's API key:</strong> “{problem.message}” Whoever runs Lark Admin
        must set a valid CAMPAIGNLARK_API_KEY and restart it. Forms keep what you typed.
      </div>
    );
  }
  if (problem?.kind === 'forbidden') {
    return (
      <div role="alert" className={`${box} bg-red-700 text-white`}>
        <strong>CampaignLark refuses requests from this server:</strong> “{problem.message}” Allow this server's IP
        address for the API key in CampaignLark. Forms keep what you typed.
      </div>
    );
  }
  if (waitSeconds !== null) {
    return (
      <p role="status" className={`${box} bg-amber-200 text-amber-950`}>
        CampaignLark asked Lark Admin to slow down. Trying again by itself in {waitSeconds} second
        {waitSeconds === 1 ? '' : 's'}…
      </p>
    );
  }
  return null;
}

import { useQuery } from '@tanstack/react-query';
import { statusQuery } from '../api/status.ts';

/** Says whose data this is: the local sandbox, or a real CampaignLark workspace. */
export function WorkspaceBanner() {
  const { data } = useQuery(statusQuery());
  if (!data) return null;
  return data.mode === 'sandbox' ? (
    <p className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      <strong>Sandbox workspace:</strong> the data lives on this computer, not in CampaignLark.
    </p>
  ) : (
    <p className="bg-emerald-100 px-4 py-1.5 text-center text-sm text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50">
      <strong>Live CampaignLark workspace:</strong> changes here change your real data.
    </p>
  );
}

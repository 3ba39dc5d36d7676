import { useQuery } from '@tanstack/react-query';
import { useMe } from '../api/me.ts';
import type { WorkspaceMode } from '../api/schemas.ts';
import { statusQuery } from '../api/status.ts';

/** Says whose data this is (the local sandbox, or a real CampaignLark workspace), and who can reach it. */
export function WorkspaceBanner() {
  const { data } = useQuery(statusQuery());
  const me = useMe();
  return (
    <>
      {data && <ModeBanner mode={data.mode} />}
      {me?.signIn === 'open' && (
        <p className="bg-slate-200 px-4 py-1.5 text-center text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
          <strong>No sign-in is set up:</strong> anyone using this computer can use Lark Admin, as an admin.
        </p>
      )}
    </>
  );
}

function ModeBanner({ mode }: { mode: WorkspaceMode }) {
  return mode === 'sandbox' ? (
    <p className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      <strong>Sandbox workspace:</strong> the data lives on this computer, not in CampaignLark.
    </p>
  ) : (
    <p className="bg-emerald-100 px-4 py-1.5 text-center text-sm text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50">
      <strong>Live CampaignLark workspace:</strong> changes here change your real data.
    </p>
  );
}

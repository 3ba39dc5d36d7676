/** Who may control a job: an admin any job, an editor the ones they started, a viewer none. */
import { useCan, useMe } from '../../api/me.ts';
import type { Permission } from '../../components/ui/not-allowed.tsx';
import { can, othersJobRefusal } from '../../contract/access.ts';
import type { JobView } from '../../contract/jobs.ts';

export function useJobPermission(job: JobView): Permission {
  const me = useMe();
  const editing = useCan('edit-contacts');
  if (!me || !editing.allowed) return editing;
  // A job from before sign-in has no owner: only an admin controls it, as the server decides.
  return can(me.role, 'manage-workspace') || job.owner?.id === me.id
    ? editing
    : { allowed: false, reason: othersJobRefusal(me.role) };
}

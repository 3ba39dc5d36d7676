import { queryOptions, useQuery } from '@tanstack/react-query';
import { can, refusalFor, type Capability, type Me } from '../contract/access.ts';
import { draftOwner, setDraftOwner } from '../lib/forms/draft-owner.ts';
import { request } from './client.ts';
import { READ_URLS } from './read-urls.ts';
import { meSchema } from './schemas.ts';

/** The person this browser acts as; a role is fixed for a session, so it is read once. */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: async ({ signal }) => {
      const me = await request(READ_URLS.me, { schema: meSchema, envelope: false, signal });
      if (draftOwner() !== '' && draftOwner() !== me.id) {
        // Someone else signed in from this page after its session ended: what it shows is the last
        // person's, kept for them as drafts, and the page starts again as the new one.
        startAgainAsSomeoneElse();
        return new Promise<never>(() => {});
      }
      setDraftOwner(me.id);
      return me;
    },
    staleTime: Infinity,
    meta: { fromCampaignLark: false },
  });

function startAgainAsSomeoneElse() {
  // A form open here has loaded its code already; without one there is nothing to release, and
  // code gone with an update must not keep the page as the last person's.
  void import('../lib/forms/open-forms.ts')
    .then(({ releaseOpenForms }) => releaseOpenForms({ keepDrafts: true }))
    .catch(() => {})
    .finally(() => window.location.reload());
}

export function useMe(): Me | undefined {
  return useQuery(meQuery()).data;
}

/**
 * Whether this person may do something, and if not, why (the server's own words). Until the
 * person is known nothing is allowed, so no form can be begun that the server would refuse.
 */
export function useCan(capability: Capability): { allowed: boolean; reason: string | null } {
  const { data: me, error } = useQuery(meQuery());
  // Not knowing who this is must not hide what anyone may read: it says why nothing can be changed.
  if (!me && error)
    return {
      allowed: false,
      reason: `Lark Admin could not tell who you are (${error.message}), so nothing can be changed. Reload the page to try again.`,
    };
  if (!me) return { allowed: false, reason: null };
  return can(me.role, capability)
    ? { allowed: true, reason: null }
    : { allowed: false, reason: refusalFor(me.role, capability) };
}

/** What the history and the activity page show alike: the names an entry needs, its time, its job. */
import { useQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fieldQueries } from '../../api/fields.ts';
import { tagQueries } from '../../api/tags.ts';
import { linkClass } from '../../components/ui/styles.ts';
import type { AuditEntry } from '../../contract/audit.ts';
import { Link } from '../../lib/router/components.tsx';
import { namesOf, type Names } from './entry-words.ts';
import { exactTime, relativeTime } from './relative-time.ts';

/**
 * The workspace's fields and tags, to name what entries name by merge tag or id. Until both are
 * read there are no names: a field still there would otherwise read as deleted for a moment.
 */
function useNames(): { names: Names | undefined; error: Error | null; retry: () => void } {
  const fields = useQuery(fieldQueries.all());
  const tags = useQuery(tagQueries.all());
  const names = useMemo(
    () => (fields.data && tags.data ? namesOf(fields.data, tags.data) : undefined),
    [fields.data, tags.data],
  );
  const retry = () => void Promise.all([fields.refetch(), tags.refetch()]);
  return { names, error: names ? null : (fields.error ?? tags.error), retry };
}

type TrailQuery = Pick<UseInfiniteQueryResult<InfiniteData<{ entries: AuditEntry[] }>>, 'data' | 'error' | 'refetch'>;

/**
 * A trail's entries (pages of a history or of the activity) with the names they need; or why they
 * could not be read, and the way to read again what failed.
 */
export function useTrail(trail: TrailQuery) {
  const { names, error, retry } = useNames();
  return {
    entries: trail.data?.pages.flatMap((page) => page.entries),
    names,
    failure: (trail.data ? null : trail.error) ?? error,
    tryAgain: () => {
      if (!trail.data) void trail.refetch();
      if (!names) retry();
    },
  };
}

/** What the trail cannot know, said wherever it is shown. */
export function TrailNote() {
  return (
    <p className="mb-3 max-w-prose text-sm text-slate-700 dark:text-slate-300">
      Only changes made through Lark Admin are shown; changes made in CampaignLark itself or by other tools are not
      known here.
    </p>
  );
}

/** "2 hours ago", with the exact moment on hover and for the machine. */
export function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={exactTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}

/** " · by job 12", when a job made the change: its page says which import or bulk change it was. */
export function ByJob({ job }: { job: AuditEntry['job'] }) {
  if (!job) return null;
  return (
    <>
      {' · by '}
      <Link to={`/jobs/${job.id}`} className={linkClass}>
        job {job.id}
      </Link>
    </>
  );
}

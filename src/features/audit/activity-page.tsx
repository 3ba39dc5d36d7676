/**
 * /activity: everyone's changes through Lark Admin, newest first, narrowed by person, kind and
 * days, and exported as a CSV. Admins only: the trail shows who did what to which contact.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { auditQueries, filterParams } from '../../api/audit.ts';
import { useCan } from '../../api/me.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { linkClass } from '../../components/ui/styles.ts';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import type { AuditEntry, AuditKind } from '../../contract/audit.ts';
import { Link, useSearchParams } from '../../lib/router/components.tsx';
import { ActivityExport } from './activity-export.tsx';
import { ActivityFilters, isFiltered, readFilter } from './activity-filters.tsx';
import { ByJob, TrailNote, useTrail, When } from '../../components/audit/entry-parts.tsx';
import { entryClauses, type Names } from '../../components/audit/entry-words.ts';

export function ActivityPage() {
  const see = useCan('see-activity');
  return (
    <>
      <PageTitle>Activity</PageTitle>
      {see.allowed ? (
        <TeamActivity />
      ) : see.reason ? (
        <Alert tone="info" announce={false} title={see.reason} />
      ) : (
        <p role="status">Loading…</p>
      )}
    </>
  );
}

function TeamActivity() {
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  // The last page stays while a new filter's loads, so the Person list does not flicker away.
  const activity = useInfiniteQuery({ ...auditQueries.activity(filter), placeholderData: keepPreviousData });
  const { entries, names, failure, tryAgain } = useTrail(activity);
  const now = Date.now();

  return (
    <>
      <TrailNote />
      <ActivityFilters
        filter={filter}
        actors={activity.data?.pages[0]?.actors ?? []}
        onChange={(next, replace) => setParams(filterParams(next), { replace })}
      />
      {failure ? (
        <Alert title="The activity could not be loaded.">
          <p>{failure.message}</p>
          <Button onClick={tryAgain}>Try again</Button>
        </Alert>
      ) : !entries || !names ? (
        <p role="status">Loading the activity…</p>
      ) : entries.length === 0 ? (
        <p role="status">
          {isFiltered(filter) ? 'No changes match these filters.' : 'No changes through Lark Admin yet.'}
        </p>
      ) : (
        <>
          <div className="mb-3">
            <ActivityExport filter={filter} names={names} />
          </div>
          <TableRegion label="Activity">
            <table className="w-full text-left text-sm" aria-busy={activity.isPlaceholderData || undefined}>
              <caption className="sr-only">Activity</caption>
              <thead className={tableHeadClass}>
                <tr>
                  <ColumnHeader>When</ColumnHeader>
                  <ColumnHeader>Who</ColumnHeader>
                  <ColumnHeader>What</ColumnHeader>
                  <ColumnHeader>Changes</ColumnHeader>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                    <td className="px-4 py-2 whitespace-nowrap">
                      <When at={entry.at} now={now} />
                    </td>
                    <td className="px-4 py-2">{entry.actor.name}</td>
                    <td className="px-4 py-2">
                      <Target entry={entry} names={names} />
                    </td>
                    <td className="px-4 py-2">
                      <ul className="space-y-1">
                        {entryClauses(entry, names).map((clause, index) => (
                          // A clause may repeat within an entry (two deleted tags read alike).
                          <li key={`${index}:${clause}`}>{clause}</li>
                        ))}
                      </ul>
                      {entry.job && (
                        <p className="text-slate-600 dark:text-slate-400">
                          <ByJob job={entry.job} />
                        </p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {activity.isFetchNextPageError && (
        <Alert title="The older changes could not be loaded.">
          <p>{activity.error?.message}</p>
        </Alert>
      )}
      {activity.hasNextPage && !activity.isPlaceholderData && (
        <Button
          className="mt-3"
          busy={activity.isFetchingNextPage}
          busyLabel="Loading older changes…"
          onClick={() => void activity.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </>
  );
}

const KIND_WORDS: Record<AuditKind, string> = { contact: 'Contact', field: 'Field', tag: 'Tag' };

/** What the entry is about, linked to where it can be seen now (a deleted field cannot). */
function Target({ entry, names }: { entry: AuditEntry; names: Names }) {
  const to =
    entry.kind === 'contact'
      ? `/contacts/edit?email=${encodeURIComponent(entry.targetName)}`
      : entry.kind === 'field' && names.fieldsById.has(entry.targetId)
        ? `/fields/${entry.targetId}/edit`
        : null;
  return (
    <>
      <span className="block text-xs text-slate-600 dark:text-slate-400">{KIND_WORDS[entry.kind]}</span>
      {to ? (
        <Link to={to} className={linkClass}>
          {entry.targetName}
        </Link>
      ) : (
        entry.targetName
      )}
    </>
  );
}

/**
 * A contact's history on its edit page: every change made to it through Lark Admin, newest first,
 * by whom and when. Everyone who can read the contact can read its history.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditQueries } from '../../api/audit.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ByJob, TrailNote, useTrail, When } from '../../components/audit/entry-parts.tsx';
import { entrySentence } from '../../components/audit/entry-words.ts';

export function ContactHistory({ contactId }: { contactId: string }) {
  const history = useInfiniteQuery(auditQueries.history('contact', contactId));
  const { entries, names, failure, tryAgain } = useTrail(history);
  const now = Date.now();

  return (
    <section aria-labelledby="contact-history" className="mt-8 max-w-3xl">
      <h2 id="contact-history" className="mb-1 font-semibold">
        History
      </h2>
      <TrailNote />
      {failure ? (
        <Alert title="The history could not be loaded.">
          <p>{failure.message}</p>
          <Button onClick={tryAgain}>Try again</Button>
        </Alert>
      ) : !entries || !names ? (
        <p role="status">Loading the history…</p>
      ) : entries.length === 0 ? (
        <p className="text-sm">No changes through Lark Admin yet.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="border-l-2 border-slate-200 pl-3 dark:border-slate-700">
              {entrySentence(entry, names)}
              <ByJob job={entry.job} />
              {' · '}
              <When at={entry.at} now={now} />
            </li>
          ))}
        </ol>
      )}
      {history.isFetchNextPageError && (
        <Alert title="The older changes could not be loaded.">
          <p>{history.error?.message}</p>
        </Alert>
      )}
      {history.hasNextPage && (
        <Button
          className="mt-3"
          busy={history.isFetchingNextPage}
          busyLabel="Loading older changes…"
          onClick={() => void history.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </section>
  );
}

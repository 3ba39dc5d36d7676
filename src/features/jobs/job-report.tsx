/** What a job refused, with the API's words and a CSV to fix them in; and what an import created. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { jobQueries, readAllRows, useTagCreated } from '../../api/jobs.ts';
import { tagQueries } from '../../api/tags.ts';
import type { JobRowView, JobView } from '../../contract/jobs.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { describedBy, GuardedButton, GuardedLink, NotAllowedNote } from '../../components/ui/not-allowed.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { useNavigate } from '../../lib/router/components.tsx';
import { count } from './job-words.ts';
import { downloadCsv } from '../../lib/download.ts';
import { useJobPermission } from './job-permission.ts';
import { useCan } from '../../api/me.ts';
import { refusedRowsCsv } from './refused-csv.ts';

const SHOWN = 100;
const emailOf = (row: JobRowView) => String((row.input as { email?: unknown } | null)?.email ?? '');

export function RefusedRows({ job }: { job: JobView }) {
  const rows = useQuery({
    ...jobQueries.rows(job.id, 'refused', SHOWN, job.counts.refused),
    placeholderData: keepPreviousData,
  });
  const [downloading, setDownloading] = useState<'idle' | 'busy' | Error>('idle');
  // Retrying makes a new import of this person's own, so any editor may, whoever ran the first.
  const retry = useCan('edit-contacts');
  const download = async () => {
    setDownloading('busy');
    try {
      downloadCsv(`refused-rows-job-${job.id}.csv`, refusedRowsCsv(await readAllRows(job.id, 'refused')));
      setDownloading('idle');
    } catch (error) {
      setDownloading(error as Error);
    }
  };
  return (
    <section aria-labelledby="refused-rows" className="mt-8">
      <h2 id="refused-rows" className="mb-2 font-semibold">
        Refused rows ({count(job.counts.refused)})
      </h2>
      <div className="flex flex-wrap gap-2">
        <Button busy={downloading === 'busy'} busyLabel="Preparing the file…" onClick={() => void download()}>
          Download refused rows
        </Button>
        {job.kind === 'import' && (
          <>
            <GuardedLink to={`/contacts/import?retry=${job.id}`} permission={retry} reasonId="retry-refusal">
              Fix and retry refused rows
            </GuardedLink>
            <NotAllowedNote id="retry-refusal" permission={retry} />
          </>
        )}
      </div>
      {downloading instanceof Error && <Alert title="The file could not be made.">{downloading.message}</Alert>}
      {rows.data && (
        <TableRegion label="Refused rows">
          <table className="mt-3 w-full text-left text-sm">
            <thead className={tableHeadClass}>
              <tr>
                <ColumnHeader>Row</ColumnHeader>
                <ColumnHeader>Email</ColumnHeader>
                <ColumnHeader>What CampaignLark said</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((row) => (
                <tr key={row.n} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-3 py-2 text-right tabular-nums">{row.n}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    {emailOf(row)}
                  </th>
                  <td className="px-3 py-2">{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {job.counts.refused > SHOWN && (
        <p className="mt-2 text-sm">The first {SHOWN} are shown; the file has them all.</p>
      )}
    </section>
  );
}

export function CreatedContacts({ job }: { job: JobView }) {
  const tags = useQuery(tagQueries.all());
  const tagCreated = useTagCreated();
  const permission = useJobPermission(job);
  const notify = useNotify();
  const navigate = useNavigate();
  const [tagId, setTagId] = useState('');
  const tag = tags.data?.find((candidate) => String(candidate.id) === tagId);
  return (
    <section aria-labelledby="created-contacts" className="mt-8 max-w-prose">
      <h2 id="created-contacts" className="mb-2 font-semibold">
        Contacts this import created ({count(job.counts.created)})
      </h2>
      <p className="mb-3 text-sm">
        CampaignLark&apos;s API cannot delete contacts, so an undo leaves these. Give them a tag to find them in
        CampaignLark, where they can be deleted.
      </p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!tag) return;
          tagCreated.mutate(
            { id: job.id, tag: { id: tag.id, name: tag.name } },
            {
              onSuccess: (started) => {
                notify(`Tagging the created contacts with “${tag.name}”.`);
                navigate(`/jobs/${started.id}`);
              },
            },
          );
        }}
      >
        <FormField id="created-tag" label="Tag for the created contacts">
          {(aria) => (
            <select
              {...aria}
              disabled={!permission.allowed}
              aria-describedby={describedBy(permission, 'tag-refusal', aria['aria-describedby'])}
              value={tagId}
              onChange={(event) => setTagId(event.target.value)}
              className={inputClass}
            >
              <option value="">Choose a tag</option>
              {tags.data?.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <GuardedButton
          type="submit"
          permission={permission}
          reasonId="tag-refusal"
          disabled={!tag}
          busy={tagCreated.isPending}
          busyLabel="Starting…"
        >
          Tag them
        </GuardedButton>
        <NotAllowedNote id="tag-refusal" permission={permission} />
      </form>
      {tagCreated.isError && <Alert title="The tagging did not start.">{tagCreated.error.message}</Alert>}
    </section>
  );
}

/** /jobs: every job of the server, newest first, for every admin of the workspace. */
import { useQuery } from '@tanstack/react-query';
import { jobQueries } from '../../api/jobs.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { linkClass } from '../../components/ui/styles.ts';
import { Link } from '../../lib/router/components.tsx';
import { count, KIND_NAMES, ownerName, STATE_NAMES, when } from './job-words.ts';

export function JobsPage() {
  const jobs = useQuery(jobQueries.all());
  return (
    <>
      <PageTitle>Jobs</PageTitle>
      <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        Imports and their undos run here, in the server: they go on when this tab closes or the laptop sleeps, and
        everyone who runs this workspace sees them.
      </p>
      {jobs.isError ? (
        <Alert title="The jobs could not be loaded.">
          <p>{jobs.error.message}</p>
          <Button onClick={() => void jobs.refetch()}>Try again</Button>
        </Alert>
      ) : !jobs.data ? (
        <p role="status">Loading the jobs…</p>
      ) : jobs.data.length === 0 ? (
        <p>No jobs yet.</p>
      ) : (
        <TableRegion label="Jobs">
          <table className="w-full text-left text-sm">
            <thead className={tableHeadClass}>
              <tr>
                <ColumnHeader>Job</ColumnHeader>
                <ColumnHeader>Kind</ColumnHeader>
                <ColumnHeader>State</ColumnHeader>
                <ColumnHeader>Started by</ColumnHeader>
                <ColumnHeader>Rows done</ColumnHeader>
                <ColumnHeader>Refused</ColumnHeader>
                <ColumnHeader>Created on</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <tr key={job.id} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link to={`/jobs/${job.id}`} className={linkClass}>
                      {job.title}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{KIND_NAMES[job.kind]}</td>
                  <td className="px-3 py-2">{STATE_NAMES[job.state]}</td>
                  <td className="px-3 py-2">{ownerName(job)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {count(job.counts.done)} of {count(job.counts.total)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{count(job.counts.refused)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{when(job.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

/**
 * A bulk change started as a job: the selected addresses (every match of the search's one or two
 * searches, read 250 a page, when the whole search is selected), sent to a new job in pieces,
 * then the start.
 */
import { readEveryContact, type ContactSearch } from '../../api/contacts.ts';
import { createBulkJob, sendJobRows, startJob } from '../../api/jobs.ts';
import { JOB_LIMITS, type BulkAction, type JobView } from '../../contract/jobs.ts';
import type { Selection } from './selection.ts';

export async function startBulk(
  title: string,
  action: BulkAction,
  selection: Selection,
  searches: readonly ContactSearch[],
  onProgress: (text: string) => void,
): Promise<JobView> {
  let emails: string[];
  if (selection.all) {
    // Every search's matches, each address once (a name is two searches: first and last).
    const found = new Set<string>();
    for (const { fields, tags, status } of searches) {
      const contacts = await readEveryContact(
        (read, total) =>
          onProgress(`Finding the contacts: ${read.toLocaleString('en')} of ${total.toLocaleString('en')}…`),
        { fields, tags, status },
      );
      for (const contact of contacts) found.add(String(contact.data.email_address ?? ''));
    }
    emails = [...found].filter((email) => !selection.except.has(email));
  } else {
    emails = [...selection.emails];
  }
  const job = await createBulkJob(title, action);
  for (let start = 0; start < emails.length; start += JOB_LIMITS.rowsPerCall)
    await sendJobRows(
      job.id,
      emails.slice(start, start + JOB_LIMITS.rowsPerCall).map((email) => ({ email })),
    );
  return startJob(job.id);
}

/** /contacts/edit?email=…: the generated form over a stored contact (the API has no get-by-id). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { contactQueries, readContactByEmail, useWriteContact } from '../../api/contacts.ts';
import { fieldQueries } from '../../api/fields.ts';
import { useCan } from '../../api/me.ts';
import type { Contact } from '../../api/schemas.ts';
import { statusQuery } from '../../api/status.ts';
import { sameValue } from '../../field-types/registry.ts';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { Link, useNavigate, useSearchParams } from '../../lib/router/components.tsx';
import { ContactHistory } from './contact-history.tsx';
import { contactDraftKey } from './contact-draft.ts';
import { rebase, writeOf } from './contact-changes.ts';
import { ContactForm, type SaveOutcome } from './contact-form.tsx';
import { contactToForm, isKnown, type ContactFormValues } from '../../field-types/contact-values.ts';

function BackToContacts() {
  return (
    <Link to="/contacts" className={`${buttonClass('secondary')} mt-4`}>
      Back to contacts
    </Link>
  );
}

export function EditContactPage() {
  const [params] = useSearchParams();
  const email = params.get('email') ?? '';
  // Read afresh on every visit: a form never starts from a record cached before a field change
  // or before a colleague's edit.
  const contact = useQuery({
    ...contactQueries.byEmail(email),
    enabled: email.trim() !== '',
    refetchOnMount: 'always',
  });
  const fields = useQuery(fieldQueries.all());
  const tags = useQuery(tagQueries.all());
  const workspace = useQuery(statusQuery());
  const write = useWriteContact();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // A person who may not change contacts reads one: the title does not promise an edit.
  const verb = useCan('edit-contacts').reason ? 'Contact' : 'Edit';
  const notify = useNotify();
  // The form starts afresh after each save; a record read meanwhile is merged at the next save.
  const [round, setRound] = useState(0);
  const [openedAt] = useState(Date.now);
  // Built once per stored record and field list, not on every render of the page.
  const initial = useMemo(
    () => (contact.data && fields.data ? contactToForm(fields.data.filter(isKnown), contact.data) : null),
    [contact.data, fields.data],
  );

  /** Reads the contact as stored now, moves the admin's changes onto it, and writes only those. */
  async function saveChanges(base: ContactFormValues, values: ContactFormValues): Promise<SaveOutcome> {
    const known = (fields.data ?? []).filter(isKnown);
    const fresh = await readAgain(
      String(base.values.email_address ?? email),
      String(values.values.email_address ?? ''),
    );
    const rebased = rebase(known, base, values, contactToForm(known, fresh));
    if (Object.keys(rebased.conflicts).length > 0) return { rebased };
    // A new address rewrites the whole record: it must carry every field's value, so the field
    // list is read afresh too (a colleague may have added one).
    const addressChanged = !sameValue(rebased.form.values.email_address, rebased.base.values.email_address);
    const workspace = addressChanged
      ? await queryClient.fetchQuery({ ...fieldQueries.all(), staleTime: 0 })
      : (fields.data ?? []);
    const change = writeOf(known, rebased, fresh, new Set(workspace.map((field) => field.merge_tag)));
    return { saved: change ? await write.mutateAsync(change) : fresh };
  }

  /**
   * The contact as stored now. After a new address was sent and its answer lost, the record is
   * found under the new address: the save went through, and sending again finds nothing left to do.
   */
  async function readAgain(address: string, typed: string): Promise<Contact> {
    try {
      return await readContactByEmail(address);
    } catch (error) {
      if (
        !(error instanceof ApiError && error.kind === 'not-found') ||
        typed.toLowerCase() === address.toLowerCase() ||
        !contact.data
      )
        throw error;
      const moved = await readContactByEmail(typed).catch(() => null);
      if (moved?.id === contact.data.id) return moved;
      throw error;
    }
  }

  if (email.trim() === '') {
    return (
      <>
        <PageTitle>Edit contact</PageTitle>
        <Alert tone="info" announce={false} title="No contact was named.">
          <p>Open a contact from the contacts list.</p>
        </Alert>
        <BackToContacts />
      </>
    );
  }
  // While a new address is being written, the old one is briefly unknown: that is no missing contact.
  if (contact.error instanceof ApiError && contact.error.kind === 'not-found' && !write.isPending) {
    return (
      <>
        <PageTitle>Contact not found</PageTitle>
        <Alert tone="info" announce={false} title={`There is no contact with the address ${email}.`}>
          <p>It may have been deleted, or its address changed. CampaignLark said: “{contact.error.message}”</p>
        </Alert>
        <BackToContacts />
      </>
    );
  }
  const failed = [contact, fields, tags, workspace].find((query) => query.isLoadingError);
  if (failed) {
    return (
      <>
        <PageTitle>Edit contact</PageTitle>
        <Alert title="The contact could not be loaded.">
          <p>{failed.error?.message}</p>
          <Button
            onClick={() => void Promise.all([contact.refetch(), fields.refetch(), tags.refetch(), workspace.refetch()])}
          >
            Try again
          </Button>
        </Alert>
      </>
    );
  }
  // A record read (or saved) since this page opened, never one from before.
  if (!contact.data || contact.dataUpdatedAt < openedAt || !fields.data || !initial || !tags.data || !workspace.data) {
    return (
      <>
        <PageTitle>Edit contact</PageTitle>
        <p role="status">Loading the contact…</p>
      </>
    );
  }

  const stored = contact.data;
  const onSaved = (saved: Contact) => {
    const address = String(saved.data.email_address ?? email);
    notify(`Changes to ${address} saved.`);
    queryClient.setQueryData(contactQueries.byEmail(address).queryKey, saved);
    setRound((n) => n + 1);
    if (address.toLowerCase() !== email.toLowerCase())
      navigate(`/contacts/edit?email=${encodeURIComponent(address)}`, { replace: true });
  };

  return (
    <>
      <PageTitle>{`${verb} ${String(stored.data.email_address ?? email)}`}</PageTitle>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ContactForm
          key={`${stored.id}:${round}`}
          purpose="update"
          fields={fields.data}
          tags={tags.data}
          initial={initial}
          draftKey={contactDraftKey(workspace.data.mode, stored.id)}
          save={saveChanges}
          refetchFields={() => queryClient.fetchQuery({ ...fieldQueries.all(), staleTime: 0 })}
          onSaved={onSaved}
        />
        <ContactFacts contact={stored} />
      </div>
      <ContactHistory contactId={stored.id} />
    </>
  );
}

const when = (timestamp: string | null | undefined) => (timestamp ? new Date(timestamp).toLocaleString() : 'Never');

/** What CampaignLark knows of the contact that the form does not edit. */
function ContactFacts({ contact }: { contact: Contact }) {
  const stats = contact.statistics;
  const rows: [string, string][] = [
    ['Delivered', String(stats.total_delivered ?? 0)],
    ['Opens', String(stats.total_opens ?? 0)],
    ['Clicks', String(stats.total_clicks ?? 0)],
    ['Bounces', String(stats.total_bounces ?? 0)],
    ['Last opened', when(contact.last_opened_at)],
    ['Last clicked', when(contact.last_clicked_at)],
    ['Created', when(contact.created_at)],
    ['Updated', when(contact.updated_at)],
  ];
  return (
    <aside
      aria-labelledby="contact-facts"
      className="h-fit rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="contact-facts" className="mb-2 font-semibold">
        Activity
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {contact.status === 'BOUNCED' && (
        <p className="mt-3 text-amber-800 dark:text-amber-300">
          CampaignLark reports this contact as BOUNCED, a status it no longer accepts back; the form shows it as
          Cleaned.
        </p>
      )}
    </aside>
  );
}

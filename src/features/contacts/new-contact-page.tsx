/** /contacts/new: the generated form, and what was saved once it is. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCreateContact } from '../../api/contacts.ts';
import { fieldQueries } from '../../api/fields.ts';
import { useCan } from '../../api/me.ts';
import type { Contact, Tag } from '../../api/schemas.ts';
import { statusQuery } from '../../api/status.ts';
import { tagQueries } from '../../api/tags.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { NotAllowedNotice, stillKnowing } from '../../components/ui/not-allowed.tsx';
import { useNotify } from '../../components/ui/notices.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { isContactStatus } from '../../contract/statuses.ts';
import { contactDraftKey } from './contact-draft.ts';
import { ContactForm } from './contact-form.tsx';
import { emptyContact, encodeContact, isKnown } from '../../field-types/contact-values.ts';
import { STATUS_MEANINGS } from '../../lib/contact-statuses.ts';
import { Link } from '../../lib/router/components.tsx';

export function NewContactPage() {
  const fields = useQuery(fieldQueries.all());
  const tags = useQuery(tagQueries.all());
  const workspace = useQuery(statusQuery());
  const queryClient = useQueryClient();
  const notify = useNotify();
  const create = useCreateContact();
  const edit = useCan('edit-contacts');
  const [saved, setSaved] = useState<Contact | null>(null);
  const [round, setRound] = useState(0);
  // Built once per field list, not on every render of the page (500 defaults parsed each time).
  const initial = useMemo(() => fields.data && emptyContact(fields.data.filter(isKnown)), [fields.data]);

  const failed = [fields, tags, workspace].find((query) => query.isLoadingError);
  let body;
  if (stillKnowing(edit)) {
    body = <p role="status">Loading the form…</p>;
  } else if (!edit.allowed) {
    body = (
      <>
        <NotAllowedNotice permission={edit}>
          <p>Contacts can be read in the list, and each one opened to see its values.</p>
        </NotAllowedNotice>
        <Link to="/contacts" className={`${buttonClass()} mt-4`}>
          Back to contacts
        </Link>
      </>
    );
  } else if (failed) {
    body = (
      <Alert title="The form could not be prepared.">
        <p>{failed.error?.message}</p>
        <Button onClick={() => void Promise.all([fields.refetch(), tags.refetch(), workspace.refetch()])}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!fields.data || !initial || !tags.data || !workspace.data) {
    body = <p role="status">Loading the form…</p>;
  } else if (saved) {
    body = (
      <SavedContact
        contact={saved}
        tags={tags.data}
        onAddAnother={() => {
          setSaved(null);
          setRound((n) => n + 1);
        }}
      />
    );
  } else {
    body = (
      <ContactForm
        key={round}
        purpose="create"
        fields={fields.data}
        tags={tags.data}
        initial={initial}
        draftKey={contactDraftKey(workspace.data.mode, 'new')}
        save={async (_base, values) => ({
          saved: await create.mutateAsync(encodeContact(fields.data.filter(isKnown), values)),
        })}
        refetchFields={() => queryClient.fetchQuery({ ...fieldQueries.all(), staleTime: 0 })}
        onSaved={setSaved}
        onSavedAndNext={(contact, nextStatus) =>
          notify(
            `Contact ${String(contact.data.email_address ?? '')} saved. The next one will be ${STATUS_MEANINGS[nextStatus].title}.`,
          )
        }
      />
    );
  }

  return (
    <>
      <PageTitle>Add contact</PageTitle>
      {body}
    </>
  );
}

function SavedContact({
  contact,
  tags,
  onAddAnother,
}: {
  contact: Contact;
  tags: readonly Tag[];
  onAddAnother: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const status = isContactStatus(contact.status) ? STATUS_MEANINGS[contact.status].title : contact.status;
  const tagNames = contact.tags.map((tag) => tags.find((known) => known.id === tag.id)?.name ?? tag.name);
  return (
    <section
      aria-labelledby="contact-saved"
      className="max-w-2xl rounded-lg border border-emerald-300 bg-emerald-50 p-5 dark:border-emerald-800 dark:bg-emerald-950"
    >
      <h2 id="contact-saved" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        Contact saved
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Email</dt>
        <dd>{String(contact.data.email_address ?? '')}</dd>
        <dt className="font-medium">Status</dt>
        <dd>{status}</dd>
        <dt className="font-medium">Tags</dt>
        <dd>{tagNames.length > 0 ? tagNames.join(', ') : 'None'}</dd>
      </dl>
      <Button variant="primary" className="mt-4" onClick={onAddAnother}>
        Add another contact
      </Button>
    </section>
  );
}

/** /fields/new and /fields/:id/edit. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fieldQueries } from '../../api/fields.ts';
import { useCan } from '../../api/me.ts';
import { statusQuery } from '../../api/status.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { NotAllowedNotice, stillKnowing } from '../../components/ui/not-allowed.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { draftKey } from '../../lib/forms/drafts.ts';
import { Link, useParams } from '../../lib/router/components.tsx';
import { FieldForm } from './field-form.tsx';

function BackToFields() {
  return (
    <Link to="/fields" className={`${buttonClass('secondary')} mt-4`}>
      Back to fields
    </Link>
  );
}

function Explained({ title, heading, children }: { title: string; heading: string; children: ReactNode }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert tone="info" title={heading} announce={false}>
        {children}
      </Alert>
      <BackToFields />
    </>
  );
}

export function FieldFormPage() {
  const { id } = useParams();
  const fields = useQuery(fieldQueries.all());
  const workspace = useQuery(statusQuery());
  const manage = useCan('manage-workspace');
  const title = id === undefined ? 'New field' : 'Edit field';

  if (fields.isPending || workspace.isPending || stillKnowing(manage)) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <p role="status">Loading the fields…</p>
      </>
    );
  }
  if (!manage.allowed) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <NotAllowedNotice permission={manage}>
          <p>The fields can be read in the list; an admin creates, changes and deletes them.</p>
        </NotAllowedNotice>
        <BackToFields />
      </>
    );
  }
  if (fields.isLoadingError || workspace.isLoadingError) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Alert title="The fields could not be loaded.">
          <p>{(fields.error ?? workspace.error)?.message}</p>
          <Button onClick={() => void Promise.all([fields.refetch(), workspace.refetch()])}>Try again</Button>
        </Alert>
      </>
    );
  }
  if (id === undefined) {
    return (
      <>
        <PageTitle>New field</PageTitle>
        <FieldForm fields={fields.data} draftKey={draftKey('field', workspace.data.mode, 'new')} />
      </>
    );
  }

  const field = fields.data.find((candidate) => String(candidate.id) === id);
  if (!field) {
    return (
      <Explained title="Field not found" heading="There is no such field.">
        <p>It may have been deleted, here or by someone else.</p>
      </Explained>
    );
  }
  if (field.immutable) {
    return (
      <Explained title={`Edit ${field.label}`} heading="This field is locked.">
        <p>It is one of CampaignLark's system fields, which cannot be changed or deleted.</p>
      </Explained>
    );
  }
  if (field.type === null) {
    return (
      <Explained title={`Edit ${field.label}`} heading={`Lark Admin does not know the type “${field.raw_type}”.`}>
        <p>It shows this field read-only, so that nothing in it is changed by mistake.</p>
      </Explained>
    );
  }
  return (
    <>
      <PageTitle>{`Edit ${field.label}`}</PageTitle>
      <FieldForm
        key={field.id}
        fields={fields.data}
        field={{ ...field, type: field.type }}
        draftKey={draftKey('field', workspace.data.mode, String(field.id))}
      />
    </>
  );
}

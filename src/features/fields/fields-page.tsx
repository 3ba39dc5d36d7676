/** /fields: the workspace's fields in form order, with their types, rules and defaults. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldQueries } from '../../api/fields.ts';
import { useCan } from '../../api/me.ts';
import type { Field } from '../../api/schemas.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { GuardedButton, GuardedLink, NotAllowedNote, type Permission } from '../../components/ui/not-allowed.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { actionsCellClass, ColumnHeader, tableHeadClass, TableRegion } from '../../components/ui/table-region.tsx';
import { hasOptions, parseDefinition } from '../../contract/field-types.ts';
import { rulesOf, specFor } from '../../field-types/registry.ts';
import { DeleteFieldDialog } from './delete-field-dialog.tsx';

export function FieldsPage() {
  const fields = useQuery(fieldQueries.all());
  const [deleting, setDeleting] = useState<Field | null>(null);
  const manage = useCan('manage-workspace');

  return (
    <>
      <PageTitle
        actions={
          <>
            <NotAllowedNote id="fields-refusal" permission={manage} />
            <GuardedLink to="/fields/new" variant="primary" permission={manage} reasonId="fields-refusal">
              New field
            </GuardedLink>
          </>
        }
      >
        Fields
      </PageTitle>
      <p className="mb-4 max-w-2xl text-sm text-slate-700 dark:text-slate-300">
        Every contact has these fields. The contact form is generated from this list, in this order.
      </p>
      {fields.isPending ? (
        <p role="status">Loading the fields…</p>
      ) : fields.isError ? (
        <Alert title="The fields could not be loaded.">
          <p>{fields.error.message}</p>
          <Button onClick={() => void fields.refetch()} busy={fields.isFetching} busyLabel="Trying again…">
            Try again
          </Button>
        </Alert>
      ) : fields.data.length === 0 ? (
        <p>This workspace has no fields yet. Create the first with “New field”.</p>
      ) : (
        <FieldsTable fields={fields.data} manage={manage} onDelete={setDeleting} />
      )}
      {deleting && <DeleteFieldDialog field={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

interface RowActions {
  /** Changing fields is the workspace's: refused, the buttons stay, disabled, named by the page's reason. */
  manage: Permission;
  onDelete: (field: Field) => void;
}

function FieldsTable({ fields, manage, onDelete }: RowActions & { fields: Field[] }) {
  return (
    <TableRegion label="Fields">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The workspace's fields, in the order of the contact form</caption>
        <thead className={tableHeadClass}>
          <tr>
            <ColumnHeader>Label</ColumnHeader>
            <ColumnHeader>Merge tag</ColumnHeader>
            <ColumnHeader>Type</ColumnHeader>
            <ColumnHeader>Required</ColumnHeader>
            <ColumnHeader>Default</ColumnHeader>
            <ColumnHeader>Options</ColumnHeader>
            <th scope="col" className={actionsCellClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {fields.map((field) => (
            <FieldRow key={field.id} field={field} manage={manage} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The default as a person reads it; one that does not fit the field is shown as ignored. */
function describeDefault(field: Field): string {
  if (field.default_value === '') return '—';
  if (field.type === null) return field.default_value;
  const spec = specFor(field.type);
  const shown = spec.display(spec.parseDefault(field.default_value, rulesOf({ ...field, type: field.type })));
  return shown === '' ? `${field.default_value} (does not fit, ignored)` : shown;
}

function FieldRow({ field, manage, onDelete }: RowActions & { field: Field }) {
  return (
    <tr>
      <th scope="row" className="max-w-56 px-4 py-3 font-medium break-words">
        {field.label}
        {field.immutable && (
          <span className="ml-2 inline-block rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-800 dark:bg-slate-700 dark:text-slate-100">
            Locked
          </span>
        )}
      </th>
      <td className="px-4 py-3">
        <code className="font-mono">{field.merge_tag}</code>
        <div className="font-mono text-xs text-slate-600 dark:text-slate-400">contact.{field.merge_tag}</div>
      </td>
      <td className="px-4 py-3">
        {field.type ? (
          specFor(field.type).title
        ) : (
          <>
            <code>{field.raw_type}</code>
            <div className="text-xs text-amber-800 dark:text-amber-300">Unknown type: shown read-only</div>
          </>
        )}
      </td>
      <td className="px-4 py-3">{field.required ? 'Required' : 'Optional'}</td>
      <td className="max-w-48 px-4 py-3 break-words">{describeDefault(field)}</td>
      <td className="px-4 py-3">
        {field.type && hasOptions(field.type) ? parseDefinition(field.definition).length : '—'}
      </td>
      <td className={actionsCellClass}>
        {field.immutable ? (
          <span className="inline-block max-w-32 text-xs whitespace-normal text-slate-600 dark:text-slate-400">
            System field, cannot be changed
          </span>
        ) : (
          <div className="flex gap-2">
            {field.type && (
              <GuardedLink
                to={`/fields/${field.id}/edit`}
                aria-label={`Edit ${field.label}`}
                permission={manage}
                reasonId="fields-refusal"
              >
                Edit
              </GuardedLink>
            )}
            <GuardedButton
              aria-label={`Delete ${field.label}`}
              permission={manage}
              reasonId="fields-refusal"
              onClick={() => onDelete(field)}
            >
              Delete
            </GuardedButton>
          </div>
        )}
      </td>
    </tr>
  );
}

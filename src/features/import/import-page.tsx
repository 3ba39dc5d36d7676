/** /contacts/import: a file or pasted rows, mapped, reviewed, checked and started as a server job. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { fieldQueries } from '../../api/fields.ts';
import { readAllRows } from '../../api/jobs.ts';
import { useCan } from '../../api/me.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { NotAllowedNotice, type Permission } from '../../components/ui/not-allowed.tsx';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { isKnown } from '../../field-types/contact-values.ts';
import { prepareCountryNames } from '../../lib/country-names.ts';
import { Link, useSearchParams } from '../../lib/router/components.tsx';
import type { CheckResult } from './check-rows.ts';
import { emailColumnOf, plansOf, recalledChoices, type ColumnChoice } from './column-choices.ts';
import { DryRunStep } from './dry-run-step.tsx';
import { FileStep } from './file-step.tsx';
import type { TableFacts } from './import-engine.ts';
import { openImportSession, type ImportSession } from './import-session.ts';
import { MappingStep } from './mapping-step.tsx';
import { refusedTable } from './refused-table.ts';
import { rememberMapping } from './remembered-mapping.ts';
import type { DuplicateRule } from './job-rows.ts';
import { ReviewStep } from './review-step.tsx';
import { FileSummary } from './file-summary.tsx';

function useImportSession(): ImportSession | null {
  const [session, setSession] = useState<ImportSession | null>(null);
  useEffect(() => {
    const opened = openImportSession();
    setSession(opened);
    // While the admin picks a file: the grid's first country cell would otherwise build the names index.
    const warm = setTimeout(prepareCountryNames, 200);
    return () => {
      clearTimeout(warm);
      opened.close();
    };
  }, []);
  return session;
}

/** Importing changes contacts: a person who may not sees why instead of a file to pick. */
export function ImportPage() {
  const edit = useCan('edit-contacts');
  const newFields = useCan('manage-workspace');
  if (edit.allowed) return <ImportSteps newFields={newFields} />;
  return (
    <>
      <PageTitle>Import contacts</PageTitle>
      {edit.reason ? (
        <>
          <NotAllowedNotice permission={edit} />
          <Link to="/contacts" className={`${buttonClass()} mt-4`}>
            Back to contacts
          </Link>
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
    </>
  );
}

/** `newFields`: whether a column may go to a new field, and a value become a new option. */
function ImportSteps({ newFields }: { newFields: Permission }) {
  const fieldList = useQuery(fieldQueries.all());
  const fields = useMemo(() => fieldList.data?.filter(isKnown) ?? [], [fieldList.data]);
  const session = useImportSession();
  const [source, setSource] = useState<{ name: string; table: TableFacts; serial: number } | null>(null);
  const reads = useRef(0);
  const [reading, setReading] = useState<{ busy: boolean; failure: string | null }>({ busy: false, failure: null });
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateRule>('last');
  const [edits, setEdits] = useState(0);
  const plans = useMemo(() => plansOf(choices, fields), [choices, fields]);
  const emailColumn = emailColumnOf(plans);
  const checked = useRef(0);

  useEffect(() => {
    if (!session || !source) return;
    const round = ++checked.current;
    void session.check({ plans, emailColumn }).then((next) => {
      if (next && round === checked.current) setResult(next);
    });
  }, [session, source, plans, emailColumn, edits]);

  const take = async (name: string, load: (session: ImportSession) => Promise<TableFacts>) => {
    if (!session) return;
    setReading({ busy: true, failure: null });
    try {
      const table = await load(session);
      setChoices(recalledChoices(table.headers, table.sample, fields) ?? table.choices);
      setResult(null);
      setSource({ name, table, serial: ++reads.current });
      setReading({ busy: false, failure: null });
    } catch (error) {
      setReading({ busy: false, failure: (error as Error).message });
    }
  };
  const read = (file: File | string) =>
    take(typeof file === 'string' ? 'Pasted rows' : file.name, (open) => open.read(file, fields));

  // "Fix and retry refused rows": a job's refused rows come back as the file had them.
  const [search] = useSearchParams();
  const retry = Number(search.get('retry'));
  const retried = useRef(false);
  useEffect(() => {
    if (!session || !fieldList.data || !retry || retried.current) return;
    retried.current = true;
    void take(`Refused rows of job ${retry}`, async (open) => {
      const { headers, rows } = refusedTable(await readAllRows(retry, 'refused'));
      return open.load(headers, rows, fields);
    });
  });

  const edit = ({
    row,
    column,
    written,
    text,
    everyRow,
  }: Parameters<ComponentProps<typeof ReviewStep>['onEdit']>[0]) => {
    if (!session) return;
    if (everyRow) {
      setChoices((current) =>
        current.map((choice, index) =>
          index === column ? { ...choice, fixes: { ...choice.fixes, [written]: text } } : choice,
        ),
      );
    } else {
      session.edit(row, column, text);
      setEdits((n) => n + 1);
    }
  };

  return (
    <>
      <PageTitle>Import contacts</PageTitle>
      {fieldList.isLoadingError ? (
        <Alert title="The fields could not be loaded.">
          <p>{fieldList.error.message}</p>
          <Button onClick={() => void fieldList.refetch()}>Try again</Button>
        </Alert>
      ) : !fieldList.data || !session ? (
        <p role="status">Loading the fields…</p>
      ) : !source ? (
        <FileStep reading={reading.busy} failure={reading.failure} onRead={(file) => void read(file)} />
      ) : (
        <>
          <FileSummary name={source.name} table={source.table} onAnother={() => setSource(null)} />
          <MappingStep
            headers={source.table.headers}
            rows={source.table.sample}
            fields={fields}
            choices={choices}
            newFields={newFields}
            unknownOptions={result?.unknownOptions ?? new Map()}
            onChange={(column, choice) =>
              setChoices((current) => current.map((old, index) => (index === column ? choice : old)))
            }
          />
          <ReviewStep
            key={source.serial}
            headers={source.table.headers}
            rowCount={source.table.rowCount}
            session={session}
            plans={plans}
            result={result}
            duplicates={duplicates}
            onDuplicates={setDuplicates}
            onEdit={edit}
          />
          <DryRunStep
            title={`${source.name} · ${new Date().toLocaleDateString('en-GB')}`}
            session={session}
            plans={plans}
            emailColumn={emailColumn}
            result={result}
            duplicates={duplicates}
            edits={edits}
            onStarted={() =>
              rememberMapping(
                source.table.headers,
                choices.map((choice) =>
                  // The new field exists once the import starts: next time the column goes straight to it.
                  choice.target.kind === 'new'
                    ? { kind: 'field', mergeTag: choice.target.proposal.merge_tag }
                    : choice.target,
                ),
              )
            }
          />
        </>
      )}
    </>
  );
}

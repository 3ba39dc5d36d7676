/**
 * What the contact form says above itself when a save fails, and where the API's answers go: at
 * the input they name, or above the form, saying whether anything may have been saved.
 */
import { useEffect, useRef, useState, type Ref } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Link } from '../../lib/router/components.tsx';
import type { Path, UseFormSetError } from 'react-hook-form';
import type { Field } from '../../api/schemas.ts';
import { placeServerErrors } from '../../lib/forms/use-form-kit.ts';
import { placeContactError } from './contact-errors.ts';
import type { ContactFormValues, KnownField } from '../../field-types/contact-values.ts';

interface Problem {
  title: string;
  message: string;
  gone?: boolean;
  /** Offer to send again: the failure was the network's or the server's, not the values'. */
  retry?: boolean;
}

interface Options {
  purpose: 'create' | 'update';
  fields: readonly Field[];
  known: readonly KnownField[];
  /** Fetches the field list again and answers it (when the API says the form is stale). */
  refetchFields: () => Promise<readonly Field[]>;
  setError: UseFormSetError<ContactFormValues>;
}

export function useSaveProblem({ purpose, fields, known, refetchFields, setError }: Options) {
  const [problem, setProblem] = useState<Problem>();
  const [pendingError, setPendingError] = useState<{ name: Path<ContactFormValues>; message: string }>();
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  // A field that arrived with a fresh list gets its error once its input exists.
  useEffect(() => {
    if (pendingError && known.some((field) => `values.${field.merge_tag}` === pendingError.name)) {
      placeServerErrors(setError, [pendingError]);
      setPendingError(undefined);
    }
  }, [pendingError, known, setError]);

  async function placeError(error: unknown) {
    const failure = placeContactError(error, fields);
    switch (failure.at) {
      case 'field':
        placeServerErrors(setError, [{ name: `values.${failure.mergeTag}`, message: failure.message }]);
        return;
      case 'status':
        placeServerErrors(setError, [{ name: 'status', message: failure.message }]);
        return;
      case 'tags':
        placeServerErrors(setError, [{ name: 'tags', message: failure.message }]);
        return;
      case 'refetch': {
        const fresh = await refetchFields().catch(() => fields);
        const field =
          failure.label === undefined ? undefined : fresh.find((candidate) => candidate.label === failure.label);
        if (field) setPendingError({ name: `values.${field.merge_tag}`, message: failure.message });
        setProblem({
          title: 'The workspace’s fields changed while you were filling in the form.',
          message: `CampaignLark said: “${failure.message}” The form now shows the current fields, and everything you entered is kept. Check it, then send again.`,
        });
        return;
      }
      case 'form':
        setProblem(
          failure.saved === 'unknown'
            ? {
                title: 'Lark Admin cannot tell whether the contact was saved.',
                message: `${failure.message} Everything you entered is still here. Sending again is safe: CampaignLark refuses a second contact with the same address${purpose === 'update' ? ', and an update only writes the same changes again' : ''}.`,
                retry: true,
              }
            : {
                title: 'The contact was not saved.',
                message: `${failure.message} Everything you entered is still here.`,
                gone: failure.gone,
              },
        );
    }
  }

  return { problem, setProblem, problemRef, placeError };
}

/** The problem above the form: what happened, whether anything may have been saved, and what to do. */
export function SaveProblemAlert({
  problem,
  boxRef,
  saving,
  onRetry,
}: {
  problem: Problem;
  boxRef: Ref<HTMLDivElement>;
  saving: boolean;
  onRetry: () => void;
}) {
  return (
    <div ref={boxRef} tabIndex={-1} className="outline-none">
      <Alert title={problem.title}>
        <p>{problem.message}</p>
        {problem.retry && (
          <Button busy={saving} busyLabel="Sending…" onClick={onRetry}>
            Try again
          </Button>
        )}
        {problem.gone && (
          <p>
            <Link to="/contacts" className="underline">
              Go to the contacts list
            </Link>
          </p>
        )}
      </Alert>
    </div>
  );
}

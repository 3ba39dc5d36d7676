/** How the API's answers to a field save reach the form: at an input when they name one. */
import { ApiError } from '../../api/client.ts';
import { messages } from '../../contract/messages.ts';

/** The contract's causes of a bare `Validation error` on Create/Update Field, in plain words. */
export const VALIDATION_CAUSES = [
  'the label is missing, empty or longer than 32 characters',
  'the merge tag is missing, not 2–16 lowercase letters and underscores, or already used',
  'the type is missing or unknown',
  'a dropdown has fewer than 2 different options',
  'the label is already used by another field',
  'an import or export is running in the workspace',
] as const;

export type FieldSaveFailure =
  | { at: 'type'; message: string }
  | { at: 'recheck' }
  /** `retry`: the network's or the server's failure, worth sending again as it is. */
  | { at: 'form'; message: string; gone: boolean; retry: boolean };

export function placeFieldSaveError(error: unknown): FieldSaveFailure {
  if (!(error instanceof ApiError)) {
    return { at: 'form', message: `Something unexpected went wrong: ${String(error)}`, gone: false, retry: false };
  }
  if (error.message === messages.fieldTypeChange) return { at: 'type', message: error.message };
  if (error.message === messages.validation) return { at: 'recheck' };
  const retry = error.kind === 'network' || error.kind === 'server' || error.kind === 'bad-response';
  return { at: 'form', message: error.message, gone: error.kind === 'not-found', retry };
}

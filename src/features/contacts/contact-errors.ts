/**
 * Where each answer of the contacts API belongs in the form: at the input it names, at Status or
 * Tags, or above the form. Recognises the contract's messages through src/contract/messages.ts.
 */
import { ApiError } from '../../api/client.ts';
import type { Field } from '../../api/schemas.ts';
import { EMAIL_MERGE_TAG } from '../../contract/field-types.ts';
import { labelNamedBy, mergeTagNamedBy, messages } from '../../contract/messages.ts';

export type ContactFailure =
  | { at: 'field'; mergeTag: string; message: string }
  | { at: 'status'; message: string }
  | { at: 'tags'; message: string }
  /** The field list is stale: fetch it again, then (when `label` is given) mark that field. */
  | { at: 'refetch'; message: string; label?: string }
  /**
   * `saved`: false when nothing was saved for sure, 'unknown' when the request may have been applied.
   * `gone`: the contact itself no longer exists.
   */
  | { at: 'form'; message: string; saved: false | 'unknown'; gone?: boolean };

const STATUS_MESSAGES: readonly string[] = [
  messages.contactStatusRequired,
  messages.updateStatusRequired,
  messages.statusInvalid,
];

function formLevel(error: ApiError): ContactFailure {
  switch (error.kind) {
    case 'auth':
      return {
        at: 'form',
        saved: false,
        message: `CampaignLark did not accept Lark Admin's API key: “${error.message}” Whoever runs Lark Admin must check CAMPAIGNLARK_API_KEY.`,
      };
    case 'forbidden':
      return { at: 'form', saved: false, message: `The request was refused: “${error.message}”` };
    case 'session':
    case 'role':
      // Lark Admin's own words: nothing was sent to CampaignLark.
      return { at: 'form', saved: false, message: error.message };
    case 'rate-limit': {
      const wait = !error.retryAfter
        ? 'a few seconds'
        : `${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}`;
      return {
        at: 'form',
        saved: false,
        message: `CampaignLark is receiving too many requests from this workspace. Send again in ${wait}.`,
      };
    }
    case 'server':
    case 'network':
    case 'bad-response':
      return { at: 'form', saved: 'unknown', message: error.message };
    case 'not-found':
      return {
        at: 'form',
        saved: false,
        gone: true,
        message: `CampaignLark answered: “${error.message}” The contact no longer exists.`,
      };
    default:
      return { at: 'form', saved: false, message: `CampaignLark answered: “${error.message}”` };
  }
}

export function placeContactError(error: unknown, fields: readonly Field[]): ContactFailure {
  if (!(error instanceof ApiError))
    return { at: 'form', saved: 'unknown', message: `Something unexpected went wrong: ${String(error)}` };
  const { message } = error;
  if (error.kind !== 'validation' && error.kind !== 'not-found') return formLevel(error);

  if (message === messages.emailRequired || message === messages.contactEmailTaken) {
    return { at: 'field', mergeTag: EMAIL_MERGE_TAG, message };
  }
  if (STATUS_MESSAGES.includes(message)) return { at: 'status', message };
  if (/^Tag ID \d+ does not exist in this workspace$/.test(message)) return { at: 'tags', message };
  if (mergeTagNamedBy(message) !== null) return { at: 'refetch', message };

  const label = labelNamedBy(message);
  if (label !== null) {
    const field = fields.find((candidate) => candidate.label === label);
    if (!field) return { at: 'refetch', message, label };
    if (field.type === null) {
      return {
        at: 'form',
        saved: false,
        message: `${message} “${label}” is a field of a type Lark Admin does not know (${field.raw_type}), so it cannot be filled in here.`,
      };
    }
    return { at: 'field', mergeTag: field.merge_tag, message };
  }
  return formLevel(error);
}

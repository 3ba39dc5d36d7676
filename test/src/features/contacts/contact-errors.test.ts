import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/api/client.ts';
import type { Field } from '../../../../src/api/schemas.ts';
import { placeContactError } from '../../../../src/features/contacts/contact-errors.ts';

const fields = [
  { id: 1, label: 'Email Address', merge_tag: 'email_address', type: 'TEXT' },
  { id: 4, label: 'Company', merge_tag: 'company', type: 'TEXT' },
  { id: 5, label: 'Phone', merge_tag: 'phone', type: null, raw_type: 'PHONE' },
] as Field[];

const refusal = (message: string, status = 400) =>
  new ApiError(status === 404 ? 'not-found' : 'validation', status, message);

describe('placeContactError', () => {
  it.each([
    [
      'An email address is required.',
      { at: 'field', mergeTag: 'email_address', message: 'An email address is required.' },
    ],
    [
      'A contact with this email address already exists.',
      { at: 'field', mergeTag: 'email_address', message: 'A contact with this email address already exists.' },
    ],
    ["Field 'Company' is required.", { at: 'field', mergeTag: 'company', message: "Field 'Company' is required." }],
    ["Field 'Company' must be text.", { at: 'field', mergeTag: 'company', message: "Field 'Company' must be text." }],
    ['Contact status is required.', { at: 'status', message: 'Contact status is required.' }],
    ['Please provide a status.', { at: 'status', message: 'Please provide a status.' }],
    ['The status you provided is not valid.', { at: 'status', message: 'The status you provided is not valid.' }],
    [
      'Tag ID 12 does not exist in this workspace',
      { at: 'tags', message: 'Tag ID 12 does not exist in this workspace' },
    ],
    [
      'We were unable to find a field with the merge_tag shoe_size',
      { at: 'refetch', message: 'We were unable to find a field with the merge_tag shoe_size' },
    ],
    [
      "Field 'Loyalty tier' is required.",
      { at: 'refetch', message: "Field 'Loyalty tier' is required.", label: 'Loyalty tier' },
    ],
    [
      'Please provide at least one field for the contact.',
      {
        at: 'form',
        saved: false,
        message: 'CampaignLark answered: “Please provide at least one field for the contact.”',
      },
    ],
    [
      'Please provide at least one field to update.',
      { at: 'form', saved: false, message: 'CampaignLark answered: “Please provide at least one field to update.”' },
    ],
    [
      'The contact ID you provided is not valid.',
      { at: 'form', saved: false, message: 'CampaignLark answered: “The contact ID you provided is not valid.”' },
    ],
  ])('%s', (message, placed) => {
    expect(placeContactError(refusal(message), fields)).toEqual(placed);
  });

  it('says a not-found contact is gone, as the API words it', () => {
    expect(placeContactError(refusal("We couldn't find the contact.", 404), fields)).toEqual({
      at: 'form',
      saved: false,
      gone: true,
      message: "CampaignLark answered: “We couldn't find the contact.” The contact no longer exists.",
    });
  });

  it('explains a required field of a type Lark Admin does not know', () => {
    expect(placeContactError(refusal("Field 'Phone' is required."), fields)).toMatchObject({
      at: 'form',
      saved: false,
      message: expect.stringContaining('(PHONE)'),
    });
  });

  it.each([
    [
      new ApiError('auth', 401, 'The API key you provided is invalid or has been revoked.'),
      false,
      /CAMPAIGNLARK_API_KEY/,
    ],
    [
      new ApiError('auth', 401, 'Please provide a valid API key in the Authorization header.'),
      false,
      /did not accept Lark Admin's API key/,
    ],
    [
      new ApiError('forbidden', 403, 'Your IP address is not authorized to use this API key.'),
      false,
      /Your IP address is not authorized/,
    ],
    [new ApiError('rate-limit', 429, 'x', 7), false, /Send again in 7 seconds/],
    [new ApiError('rate-limit', 429, 'x'), false, /Send again in a few seconds/],
    [new ApiError('server', 500, 'The server had a problem (HTTP 500).'), 'unknown', /HTTP 500/],
    [new ApiError('network', 0, 'Lark Admin could not reach its server.'), 'unknown', /could not reach/],
    [
      new ApiError('bad-response', 200, 'The answer to POST /v1/contacts was not the JSON the API sends'),
      'unknown',
      /not the JSON/,
    ],
  ])('puts %s above the form, saying whether anything was saved', (error, saved, text) => {
    const placed = placeContactError(error, fields);
    expect(placed).toMatchObject({ at: 'form', saved });
    expect(placed.at === 'form' && placed.message).toMatch(text);
  });
});

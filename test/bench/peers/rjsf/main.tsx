/**
 * The peer: @rjsf/core with @rjsf/validator-ajv8 rendering the JSON Schema equivalent of the
 * workspace's fields, with rjsf's own default widgets (native selects; country as an enum of
 * the same 250 codes). `noHtml5Validate` lets rjsf show its own errors: without it the browser's
 * native validation stops the submit and rjsf paints none.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { COUNTRY_CODES } from '../../../../src/contract/countries.ts';
import { loadFields, optionsOf, type WorkspaceField } from '../workspace-fields.ts';

function propertyFor(field: WorkspaceField): RJSFSchema {
  const title = field.label;
  switch (field.type) {
    case 'NUMBER':
      return { title, type: 'number' };
    case 'BOOLEAN':
      return { title, type: 'boolean' };
    case 'DATE':
      return { title, type: 'string', format: 'date' };
    case 'DROPDOWN_SINGLE':
      return { title, type: 'string', enum: optionsOf(field) };
    case 'DROPDOWN_MULTIPLE':
      return { title, type: 'array', uniqueItems: true, items: { type: 'string', enum: optionsOf(field) } };
    case 'COUNTRY':
      return { title, type: 'string', enum: [...COUNTRY_CODES] };
    default:
      return field.merge_tag === 'email_address' ? { title, type: 'string', format: 'email' } : { title, type: 'string' };
  }
}

const fields = await loadFields();
const schema: RJSFSchema = {
  type: 'object',
  required: fields.filter((field) => field.required || field.merge_tag === 'email_address').map((field) => field.merge_tag),
  properties: Object.fromEntries(fields.map((field) => [field.merge_tag, propertyFor(field)])),
};

const form = <Form schema={schema} validator={validator} noHtml5Validate />;

/** ?inapp: the form appears on a click, as when moving to it inside an app that has loaded. */
function InApp() {
  const [shown, setShown] = useState(false);
  return shown ? form : <button type="button" onClick={() => setShown(true)}>Add contact</button>;
}

createRoot(document.getElementById('root')!).render(new URLSearchParams(location.search).has('inapp') ? <InApp /> : form);

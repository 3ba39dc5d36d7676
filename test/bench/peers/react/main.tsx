/**
 * The stack's floor: the plain page's inputs, made by React (createRoot, one render, uncontrolled
 * inputs) and nothing else of ours. Lark Admin cannot load faster than React itself, so this
 * shows how much of a cold load is the renderer and how much is the app.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { COUNTRY_CODES } from '../../../../src/contract/countries.ts';
import { loadFields, optionsOf, type WorkspaceField } from '../workspace-fields.ts';

function Control({ field, id }: { field: WorkspaceField; id: string }) {
  const options = (values: readonly string[]) => values.map((value) => <option key={value} value={value}>{value}</option>);
  switch (field.type) {
    case 'DROPDOWN_SINGLE':
      return <select id={id}>{options(['', ...optionsOf(field)])}</select>;
    case 'DROPDOWN_MULTIPLE':
      return <select id={id} multiple>{options(optionsOf(field))}</select>;
    case 'COUNTRY':
      return <select id={id}>{options(['', ...COUNTRY_CODES])}</select>;
    default: {
      const type = { NUMBER: 'number', BOOLEAN: 'checkbox', DATE: 'date' }[field.type] ?? (field.merge_tag === 'email_address' ? 'email' : 'text');
      return <input id={id} type={type} />;
    }
  }
}

function Form({ fields }: { fields: WorkspaceField[] }) {
  return (
    <form>
      {fields.map((field) => (
        <div key={field.merge_tag}>
          <label htmlFor={`field-${field.merge_tag}`}>{field.label}</label>
          <Control field={field} id={`field-${field.merge_tag}`} />
        </div>
      ))}
    </form>
  );
}

/** ?inapp: the inputs appear on a click, as when moving to the form inside a loaded app. */
function App({ fields }: { fields: WorkspaceField[] }) {
  const [shown, setShown] = useState(!new URLSearchParams(location.search).has('inapp'));
  if (shown) return <Form fields={fields} />;
  return (
    <button type="button" onClick={() => setShown(true)}>
      Add contact
    </button>
  );
}

createRoot(document.getElementById('root')!).render(<App fields={await loadFields()} />);

/**
 * The floor: the same inputs as the generated form, made once with the DOM and never re-rendered,
 * so typing into it costs only the browser's own work.
 */
import { COUNTRY_CODES } from '../../../../src/contract/countries.ts';
import { loadFields, optionsOf, type WorkspaceField } from '../workspace-fields.ts';

function selectOf(values: readonly string[], multiple = false) {
  const select = document.createElement('select');
  select.multiple = multiple;
  select.append(...values.map((value) => new Option(value, value)));
  return select;
}

function controlFor(field: WorkspaceField): HTMLInputElement | HTMLSelectElement {
  switch (field.type) {
    case 'DROPDOWN_SINGLE':
      return selectOf(['', ...optionsOf(field)]);
    case 'DROPDOWN_MULTIPLE':
      return selectOf(optionsOf(field), true);
    case 'COUNTRY':
      return selectOf(['', ...COUNTRY_CODES]);
    default: {
      const input = document.createElement('input');
      input.type = { NUMBER: 'number', BOOLEAN: 'checkbox', DATE: 'date' }[field.type] ?? (field.merge_tag === 'email_address' ? 'email' : 'text');
      return input;
    }
  }
}

const fields = await loadFields();
const rows = document.createDocumentFragment();
for (const field of fields) {
  const label = document.createElement('label');
  const control = controlFor(field);
  control.id = `field-${field.merge_tag}`;
  label.htmlFor = control.id;
  label.textContent = field.label;
  const row = document.createElement('div');
  row.append(label, control);
  rows.append(row);
}
const show = () => document.getElementById('root')!.append(rows);

// ?inapp: the inputs appear on a click, as when moving to the form inside a loaded app.
if (new URLSearchParams(location.search).has('inapp')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Add contact';
  button.addEventListener('click', () => {
    button.remove();
    show();
  });
  document.body.prepend(button);
} else {
  show();
}

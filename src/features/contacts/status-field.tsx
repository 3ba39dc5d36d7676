import type { Ref } from 'react';
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';
import { CONTACT_STATUSES, type ContactStatus } from '../../contract/statuses.ts';
import { automationOnCreate, STATUS_MEANINGS } from '../../lib/contact-statuses.ts';

interface StatusFieldProps {
  value: ContactStatus;
  onChange: (status: ContactStatus) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLSelectElement>;
  error?: string | undefined;
  /** What saving with this status sets off; the new-contact form says it for each status. */
  consequence?: (status: ContactStatus) => string;
}

export function StatusField({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
  consequence = automationOnCreate,
}: StatusFieldProps) {
  return (
    <FormField
      id="status"
      label="Status"
      required
      error={error}
      hint={
        <>
          {STATUS_MEANINGS[value].meaning} <strong className="font-medium">{consequence(value)}</strong>
        </>
      }
    >
      {(aria) => (
        <select
          {...aria}
          ref={inputRef}
          value={value}
          onBlur={onBlur}
          onChange={(event) => onChange(event.target.value as ContactStatus)}
          className={inputClass}
        >
          <StatusOptions />
        </select>
      )}
    </FormField>
  );
}

/** The statuses a contact can be given, by the names an admin reads. */
export function StatusOptions() {
  return CONTACT_STATUSES.map((status) => (
    <option key={status} value={status}>
      {STATUS_MEANINGS[status].title}
    </option>
  ));
}

/**
 * The contact form's base (the record as the form was filled) and the conflicts waiting for the
 * admin. The form library's default values are kept equal to the base, so its dirty flags say
 * exactly what the admin changed.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { FormValue } from '../../field-types/spec.ts';
import { changesOf, own, STATUS_KEY, type Conflicts, type Rebased } from './contact-changes.ts';
import type { ContactFormValues, KnownField } from '../../field-types/contact-values.ts';
import type { Resolution } from './generated-field.tsx';

const inputOf = (key: string): Path<ContactFormValues> => (key === STATUS_KEY ? 'status' : `values.${key}`);

/** `initial`: the record as last read (or a new contact's defaults), the base of fields that arrive later. */
export function useMergeState(
  form: UseFormReturn<ContactFormValues>,
  fields: readonly KnownField[],
  start: Rebased,
  initial: ContactFormValues,
) {
  const [base, setBase] = useState(start.base);
  const [conflicts, setConflicts] = useState<Conflicts>(start.conflicts);
  const latest = useRef({ base, conflicts, fields });
  latest.current = { base, conflicts, fields };

  /**
   * What the form is to show over its base: set by a merge, a restart or a restored draft, and laid
   * on once the new base has rendered, so each input (a select's "no longer an option" entry too)
   * exists for its value. The reset keeps the inputs that hold their own value registered.
   */
  const [shown, setShown] = useState<ContactFormValues | null>(start.form === start.base ? null : start.form);
  useLayoutEffect(() => {
    if (!shown) return;
    const { base: nextBase, fields: current } = latest.current;
    form.reset(nextBase, { keepFieldsRef: true });
    const changes = changesOf(current, nextBase, shown);
    for (const { merge_tag: tag } of current) {
      const value = own(shown.values, tag);
      if (value !== undefined)
        form.setValue(`values.${tag}`, value, { shouldDirty: Object.hasOwn(changes.values, tag) });
    }
    form.setValue('status', shown.status, { shouldDirty: changes.status !== undefined });
    form.setValue('tags', shown.tags, { shouldDirty: changes.tags !== undefined });
  }, [shown, form]);

  // A field that arrives with a fresh list starts from its value as last read, unchanged: it is no change of the admin's.
  useEffect(() => {
    const arrived = fields.filter(
      (field) => !Object.hasOwn(base.values, field.merge_tag) && Object.hasOwn(initial.values, field.merge_tag),
    );
    if (arrived.length === 0) return;
    const values = Object.fromEntries(arrived.map((field) => [field.merge_tag, initial.values[field.merge_tag]!]));
    setBase((current) => ({ ...current, values: { ...values, ...current.values } }));
    for (const [tag, value] of Object.entries(values)) form.resetField(`values.${tag}`, { defaultValue: value });
  }, [fields, initial, base.values, form]);

  /** Takes a merge's outcome: the record as it is now, with the admin's changes and conflicts. */
  const adopt = useCallback((rebased: Rebased) => {
    setBase(rebased.base);
    setConflicts(rebased.conflicts);
    setShown(rebased.form);
  }, []);

  /** Starts over from `values`, with nothing changed. */
  const restart = useCallback((values: ContactFormValues) => {
    setBase(values);
    setConflicts({});
    // A new object: the same values twice in a row still lay on again.
    setShown({ ...values });
  }, []);

  /** "Use theirs" takes the stored value; "Keep mine" keeps the admin's. Either way the stored value becomes the base. */
  const resolve = useCallback(
    (key: string, choice: Resolution) => {
      const theirs = own(latest.current.conflicts, key);
      if (theirs === undefined) return;
      const name = inputOf(key);
      const mine = form.getValues(name);
      setBase((current) =>
        key === STATUS_KEY
          ? { ...current, status: theirs as ContactFormValues['status'] }
          : { ...current, values: { ...current.values, [key]: theirs as FormValue } },
      );
      setConflicts(({ [key]: _, ...rest }) => rest);
      form.resetField(name, { defaultValue: theirs });
      if (choice === 'mine') form.setValue(name, mine, { shouldDirty: true });
      // The pressed button goes away with the conflict: the focus returns to the input it settled.
      setTimeout(() => form.setFocus(name));
    },
    [form],
  );

  return { base, conflicts, adopt, restart, resolve };
}

/**
 * Before a field edit takes options away: how many contacts hold each one, counted by the API.
 * Holders keep their value (the contract has no way to move them in one step), so the admin
 * confirms knowing the number.
 */
import { useQueries } from '@tanstack/react-query';
import { contactQueries, type SearchCondition } from '../../api/contacts.ts';
import { ConfirmDialog } from '../../components/ui/dialog.tsx';
import { contactsWith, ImpactList, isCounting, type CountedImpact } from '../../components/ui/impact.tsx';
import type { FieldType } from '../../contract/field-types.ts';
import type { OptionLoss } from './field-form-schema.ts';

/** Contacts holding `option`: the single choice equal to it, or the multiple choice containing it. */
const holderCondition = (mergeTag: string, type: FieldType, option: string): SearchCondition =>
  type === 'DROPDOWN_MULTIPLE'
    ? { merge_tag: mergeTag, operator: 'CONTAINS', value: [option] }
    : { merge_tag: mergeTag, operator: 'EQUALS', value: option };

function sentence({ option, renamedTo }: OptionLoss, count: number): string {
  const held = `${contactsWith(count, 'holds', 'hold')} “${option}”.`;
  if (count === 0) return held;
  return renamedTo === undefined
    ? `${held} After removing it they keep the value, which is no longer an option.`
    : `${held} After renaming it to “${renamedTo}” they keep “${option}”, which is no longer an option.`;
}

interface OptionImpactDialogProps {
  field: { label: string; merge_tag: string; type: FieldType };
  losses: readonly OptionLoss[];
  onConfirm: () => void;
  onClose: () => void;
}

export function OptionImpactDialog({ field, losses, onConfirm, onClose }: OptionImpactDialogProps) {
  const counts = useQueries({
    queries: losses.map((loss) =>
      contactQueries.count({ fields: [holderCondition(field.merge_tag, field.type, loss.option)] }),
    ),
  });
  const impacts: CountedImpact[] = losses.map((loss, index) => ({
    key: loss.option,
    count: counts[index]!,
    say: (count) => sentence(loss, count),
  }));
  return (
    <ConfirmDialog
      id="option-impact"
      title={`Change the options of “${field.label}”?`}
      description="Contacts keep the values they hold; a value that is no longer an option stays until someone changes it."
      confirmLabel="Save field"
      busyLabel="Saving…"
      busy={false}
      confirmDisabled={isCounting(impacts)}
      onConfirm={(close) => {
        close();
        onConfirm();
      }}
      onClose={onClose}
    >
      <ImpactList impacts={impacts} />
    </ConfirmDialog>
  );
}

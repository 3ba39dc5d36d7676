/**
 * Before a field edit takes options away: how many contacts hold each one, counted by the API,
 * and what becomes of them. Moving them runs as a job (the contract has no way to move them in
 * one step); leaving them is a choice made knowing the number.
 */
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { contactQueries, type SearchCondition } from '../../api/contacts.ts';
import { ConfirmDialog } from '../../components/ui/dialog.tsx';
import { contactsWith, ImpactList, isCounting, type CountedImpact } from '../../components/ui/impact.tsx';
import type { FieldType } from '../../contract/field-types.ts';
import type { OptionMove } from '../../contract/jobs.ts';
import type { OptionLoss } from './field-form-schema.ts';
import { firstChoice, HolderChoiceSelect, movesOf, type HolderChoice } from './option-moves.tsx';

/** Contacts holding `option`: the single choice equal to it, or the multiple choice containing it. */
export const holderCondition = (mergeTag: string, type: FieldType, option: string): SearchCondition =>
  type === 'DROPDOWN_MULTIPLE'
    ? { merge_tag: mergeTag, operator: 'CONTAINS', value: [option] }
    : { merge_tag: mergeTag, operator: 'EQUALS', value: option };

const sentence = ({ option }: OptionLoss, count: number) => `${contactsWith(count, 'holds', 'hold')} “${option}”.`;

interface OptionImpactDialogProps {
  field: { label: string; merge_tag: string; type: FieldType };
  losses: readonly OptionLoss[];
  /** The options the edit keeps. */
  options: readonly string[];
  onConfirm: (moves: OptionMove[]) => void;
  onClose: () => void;
}

export function OptionImpactDialog({ field, losses, options, onConfirm, onClose }: OptionImpactDialogProps) {
  const [choices, setChoices] = useState<HolderChoice[]>(() => losses.map(firstChoice));
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
  // A count that failed is taken as held: its holders are never left without asking.
  const held = (index: number) => counts[index]?.data !== 0;
  const decided = losses.every((_, index) => !held(index) || choices[index] !== undefined);
  return (
    <ConfirmDialog
      id="option-impact"
      title={`Change the options of “${field.label}”?`}
      description="Contacts holding an option that goes can move to another, be cleared, or keep it as a value that is no longer an option. Moving them runs as a job, which can be undone."
      confirmLabel="Save field"
      busyLabel="Saving…"
      busy={false}
      confirmDisabled={isCounting(impacts) || !decided}
      onConfirm={(close) => {
        close();
        onConfirm(
          movesOf(
            losses,
            losses.map((_, index) => (held(index) ? choices[index] : 'leave')),
          ),
        );
      }}
      onClose={onClose}
    >
      <ImpactList impacts={impacts} />
      {losses.map((loss, index) =>
        held(index) ? (
          <HolderChoiceSelect
            key={loss.option}
            loss={loss}
            options={options}
            choice={choices[index]}
            onChange={(choice) => setChoices((current) => current.map((old, at) => (at === index ? choice : old)))}
          />
        ) : null,
      )}
    </ConfirmDialog>
  );
}

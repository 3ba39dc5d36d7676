/**
 * What becomes of the contacts holding an option a field edit takes away: moved to the new name
 * (a rename), to another option (a merge, or the admin's choice), cleared, or left holding a value
 * that is no longer an option, which the admin then chooses knowing how many hold it.
 */
import type { OptionMove } from '../../contract/jobs.ts';
import { inputClass } from '../../components/ui/styles.ts';
import type { OptionLoss } from './field-form-schema.ts';

export type HolderChoice = { move: string | null } | 'leave' | undefined;

/** A rename moves its holders by default; a removal waits for the admin's choice. */
export const firstChoice = (loss: OptionLoss): HolderChoice => (loss.renamedTo ? { move: loss.renamedTo } : undefined);

export const movesOf = (losses: readonly OptionLoss[], choices: readonly HolderChoice[]): OptionMove[] =>
  losses.flatMap((loss, index) => {
    const choice = choices[index];
    return choice && choice !== 'leave' ? [{ from: loss.option, to: choice.move }] : [];
  });

interface HolderChoiceProps {
  loss: OptionLoss;
  /** The options the field keeps: where holders can go. */
  options: readonly string[];
  choice: HolderChoice;
  onChange: (choice: HolderChoice) => void;
}

const valueOf = (choice: HolderChoice) =>
  choice === undefined ? '' : choice === 'leave' ? 'leave' : choice.move === null ? 'clear' : `move:${choice.move}`;

export function HolderChoiceSelect({ loss, options, choice, onChange }: HolderChoiceProps) {
  return (
    <select
      aria-label={`The holders of “${loss.option}”`}
      value={valueOf(choice)}
      onChange={(event) => {
        const value = event.target.value;
        onChange(
          value === 'leave'
            ? 'leave'
            : value === 'clear'
              ? { move: null }
              : value
                ? { move: value.slice(5) }
                : undefined,
        );
      }}
      className={`${inputClass} mt-1`}
    >
      <option value="" disabled>
        Choose what happens to them
      </option>
      {options.map((option) => (
        <option key={option} value={`move:${option}`}>
          Move them to “{option}”
        </option>
      ))}
      <option value="clear">Clear their value</option>
      <option value="leave">Leave them holding “{loss.option}” (no longer an option)</option>
    </select>
  );
}

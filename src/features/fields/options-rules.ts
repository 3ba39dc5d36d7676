/** The rules for a dropdown's options, as the field form checks them, option by option. */
import { MIN_OPTIONS, uniquenessKey } from '../../contract/field-types.ts';

export interface OptionProblem {
  index: number;
  message: string;
}

export function optionProblem(option: string, earlier: readonly string[]): string | null {
  const text = option.trim();
  if (text === '') return 'Enter the option, or remove it.';
  if (text.includes(',')) return 'An option cannot contain a comma: CampaignLark separates options with commas.';
  const key = uniquenessKey(text);
  const same = earlier.find((other) => uniquenessKey(other) === key);
  if (same !== undefined) return `“${same.trim()}” is already an option.`;
  return null;
}

/** Each option's problem, judged against the options above it. */
export function optionProblems(options: readonly string[]): OptionProblem[] {
  return options.flatMap((option, index) => {
    const message = optionProblem(option, options.slice(0, index));
    return message ? [{ index, message }] : [];
  });
}

export const TOO_FEW_OPTIONS = `Add at least ${MIN_OPTIONS} options.`;

/** A pasted list: one option per comma or line. */
export function splitOptionList(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

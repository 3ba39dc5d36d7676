/** Checks and readers shared by the field types, worded for the person filling the form. */
import * as z from 'zod/mini';
import type { FieldRules } from './spec.ts';

export const requiredMessage = (rules: FieldRules) => `${rules.label} is required.`;

const isBlank = (value: string) => value.trim() === '';

/**
 * A text-held value: blank passes unless the field is required; otherwise `problem` says what
 * is wrong with the trimmed text, or null when nothing is.
 */
export function textRule(
  rules: FieldRules,
  problem: (text: string) => string | null = () => null,
): z.ZodMiniType<string> {
  return z.string().check(
    z.superRefine((value, context) => {
      if (isBlank(value)) {
        if (rules.required) context.addIssue({ code: 'custom', message: requiredMessage(rules) });
        return;
      }
      const message = problem(value.trim());
      if (message) context.addIssue({ code: 'custom', message });
    }),
  );
}

/** Blank text is left out of the contact; anything else is sent trimmed. */
export function encodeText(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** The option as the field spells it, matched ignoring case, or null. */
export function canonicalOption(options: readonly string[], text: string): string | null {
  const wanted = text.trim().toLocaleLowerCase();
  return options.find((option) => option.toLocaleLowerCase() === wanted) ?? null;
}

/**
 * Case- and accent-blind, for matching a spreadsheet's spelling to the field's ("cafe" ~ "Café").
 * Only the Latin combining accents go: other scripts' marks change the word, not its spelling.
 */
export function foldOption(text: string): string {
  return text
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The option as the field spells it, or null. An exact match wins, so a field holding both "Cafe"
 * and "Café" keeps them apart; then one ignoring case, then one ignoring accents as well.
 */
export function matchOption(options: readonly string[], text: string): string | null {
  const trimmed = text.trim();
  if (options.includes(trimmed)) return trimmed;
  const folded = foldOption(trimmed);
  return canonicalOption(options, trimmed) ?? options.find((option) => foldOption(option) === folded) ?? null;
}

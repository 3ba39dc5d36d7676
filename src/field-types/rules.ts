/** Checks shared by the field types, worded for the person filling the form. */
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

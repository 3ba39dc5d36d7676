/**
 * The workspace's email field is a TEXT field by type, but it always holds an address: it gets an
 * plausibility check, here beside the types so the knowledge stays in one place (its input is an
 * email keyboard: see inputs/registry.ts).
 */
import { isPlausibleEmail } from '../contract/values.ts';
import { textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';
import { textType } from './text.ts';

export const EMAIL_PROBLEM = 'Enter an email address, such as name@example.com.';

/**
 * The address in what mail programs and address books export: "Jane Doe <jane@example.com>" or
 * "mailto:jane@example.com?subject=Hi". Its case is kept: the part before the @ may be case-sensitive.
 */
export function addressFromText(text: string): string {
  const angled = /<([^<>]*)>$/.exec(text.trim());
  const address = (angled?.[1] ?? text).trim();
  const mailto = /^mailto:([^?]*)/i.exec(address);
  return (mailto?.[1] ?? address).trim();
}

export const emailSpec: FieldTypeSpec<string> = {
  ...textType,
  schema: (rules) => textRule(rules, (text) => (isPlausibleEmail(text) ? null : EMAIL_PROBLEM)),
};

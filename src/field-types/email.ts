/**
 * The workspace's email field is a TEXT field by type, but it always holds an address: it gets an
 * plausibility check, here beside the types so the knowledge stays in one place (its input is an
 * email keyboard: see inputs/registry.ts).
 */
import { isPlausibleEmail } from '../contract/values.ts';
import { textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';
import { textType } from './text.ts';

export const emailSpec: FieldTypeSpec<string> = {
  ...textType,
  schema: (rules) =>
    textRule(rules, (text) => (isPlausibleEmail(text) ? null : 'Enter an email address, such as name@example.com.')),
};

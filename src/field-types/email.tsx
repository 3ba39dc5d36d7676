/**
 * The workspace's email field is a TEXT field by type, but it always holds an address: it gets an
 * email keyboard and a plausibility check, here beside the types so the knowledge stays in one place.
 */
import { isPlausibleEmail } from '../contract/values.ts';
import { plainInput, plainNative } from './plain-input.tsx';
import { textRule } from './rules.ts';
import type { FieldTypeSpec } from './spec.ts';
import { textType } from './text.tsx';

const EMAIL_ATTRIBUTES = { type: 'email', inputMode: 'email', autoComplete: 'off' } as const;

export const emailSpec: FieldTypeSpec<string> = {
  ...textType,
  Widget: plainInput(EMAIL_ATTRIBUTES),
  Native: plainNative(EMAIL_ATTRIBUTES),
  schema: (rules) =>
    textRule(rules, (text) => (isPlausibleEmail(text) ? null : 'Enter an email address, such as name@example.com.')),
};

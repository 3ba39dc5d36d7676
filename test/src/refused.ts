/** What every control a role may not use shows: disabled, saying why, and still reachable by keyboard. */
import { expect } from 'vitest';

export function expectRefused(control: HTMLElement, reason: string) {
  expect(control).toHaveAttribute('aria-disabled', 'true');
  expect(control).toHaveAccessibleDescription(reason);
  // In the tab order, so a keyboard or screen reader user reaches it and hears the reason.
  expect(control).not.toBeDisabled();
  control.focus();
  expect(control).toHaveFocus();
}

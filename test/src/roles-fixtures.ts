/**
 * The people the role tests act as, a workspace with one dropdown field to act on, and what every
 * control a role may not use shows.
 */
import { expect } from 'vitest';
import type { Person } from '../../server/access/sessions.ts';
import { openStore, type Store } from '../../server/sandbox/store.ts';
import { sandbox } from '../server/sandbox-client.ts';

export const VIEWER: Person = { id: 'v1', name: 'Vera Viewer', email: null, role: 'viewer' };
export const EDITOR: Person = { id: 'e1', name: 'Eddie Editor', email: null, role: 'editor' };
export const ADMIN: Person = { id: 'a1', name: 'Ada Admin', email: null, role: 'admin' };

/** A workspace whose one field of its own is the dropdown Plan with these options. */
export async function planWorkspace(options: string): Promise<Store> {
  const store = openStore(':memory:');
  const answer = await sandbox({ store }).post('/v1/fields', {
    label: 'Plan',
    merge_tag: 'plan',
    type: 'DROPDOWN_SINGLE',
    definition: options,
  });
  expect(answer.status).toBe(201);
  return store;
}

export function expectRefused(control: HTMLElement, reason: string) {
  expect(control).toHaveAttribute('aria-disabled', 'true');
  expect(control).toHaveAccessibleDescription(reason);
  // In the tab order, so a keyboard or screen reader user reaches it and hears the reason.
  expect(control).not.toBeDisabled();
  control.focus();
  expect(control).toHaveFocus();
}

/** A control the role may use: neither disabled nor refused. */
export function expectAllowed(control: HTMLElement) {
  expect(control).toBeEnabled();
  expect(control).not.toHaveAttribute('aria-disabled');
}

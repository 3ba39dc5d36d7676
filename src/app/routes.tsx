import type { Route } from '../lib/router.tsx';
import { NotFoundPage } from './route-error.tsx';

/** Each page is its own chunk, loaded on first visit. */
export const routes: Route[] = [
  { path: '/', redirect: '/contacts' },
  { path: '/fields', lazy: () => import('../features/fields/fields-page.tsx').then((m) => m.FieldsPage) },
  { path: '/fields/new', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => m.FieldFormPage) },
  { path: '/fields/:id/edit', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => m.FieldFormPage) },
  { path: '/contacts/new', lazy: () => import('../features/contacts/new-contact-page.tsx').then((m) => m.NewContactPage) },
  { path: '/contacts', lazy: () => import('../features/contacts/contacts-page.tsx').then((m) => m.ContactsPage) },
  { path: '/contacts/edit', lazy: () => import('../features/contacts/edit-contact-page.tsx').then((m) => m.EditContactPage) },
  { path: '/tags', lazy: () => import('../features/tags/tags-page.tsx').then((m) => m.TagsPage) },
  { path: '*', Component: NotFoundPage },
];

import { Navigate, type RouteObject } from 'react-router';
import { Layout } from './layout.tsx';
import { NotFoundPage, RouteError } from './route-error.tsx';

/** Each page is its own chunk, loaded on first visit. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's code arrives.
    hydrateFallbackElement: <p role="status" className="p-6">Loading Lark Admin…</p>,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/contacts" replace /> },
          { path: 'fields', lazy: () => import('../features/fields/fields-page.tsx').then((m) => ({ Component: m.FieldsPage })) },
          { path: 'fields/new', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => ({ Component: m.FieldFormPage })) },
          { path: 'fields/:id/edit', lazy: () => import('../features/fields/field-form-page.tsx').then((m) => ({ Component: m.FieldFormPage })) },
          { path: 'contacts/new', lazy: () => import('../features/contacts/new-contact-page.tsx').then((m) => ({ Component: m.NewContactPage })) },
          { path: 'contacts', lazy: () => import('../features/contacts/contacts-page.tsx').then((m) => ({ Component: m.ContactsPage })) },
          { path: 'contacts/edit', lazy: () => import('../features/contacts/edit-contact-page.tsx').then((m) => ({ Component: m.EditContactPage })) },
          { path: 'tags', lazy: () => import('../features/tags/tags-page.tsx').then((m) => ({ Component: m.TagsPage })) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

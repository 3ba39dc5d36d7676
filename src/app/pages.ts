/**
 * The app's pages as data: each address, the module that draws it (its own chunk, fetched on first
 * visit) and the lists it reads first. The router builds its routes from this, and the build
 * writes it out with each page's chunks, so the server can name them in the page's HTML and the
 * browser fetches code and reads while the entry script still runs.
 */
import type { FirstRead } from '../api/read-urls.ts';

interface PageEntry {
  path: string;
  /** The page's module, from the project root; it exports the page component as `page`'s name. */
  module: string;
  component: string;
  reads: readonly FirstRead[];
}

export const PAGES: readonly PageEntry[] = [
  {
    path: '/fields',
    module: 'src/features/fields/fields-page.tsx',
    component: 'FieldsPage',
    reads: ['status', 'me', 'fields'],
  },
  {
    path: '/fields/new',
    module: 'src/features/fields/field-form-page.tsx',
    component: 'FieldFormPage',
    reads: ['status', 'me', 'fields'],
  },
  {
    path: '/fields/:id/edit',
    module: 'src/features/fields/field-form-page.tsx',
    component: 'FieldFormPage',
    reads: ['status', 'me', 'fields'],
  },
  {
    path: '/contacts/new',
    module: 'src/features/contacts/new-contact-page.tsx',
    component: 'NewContactPage',
    reads: ['status', 'me', 'fields', 'tags'],
  },
  {
    path: '/contacts/import',
    module: 'src/features/import/import-page.tsx',
    component: 'ImportPage',
    reads: ['status', 'me', 'fields', 'tags'],
  },
  {
    path: '/contacts',
    module: 'src/features/contacts/contacts-page.tsx',
    component: 'ContactsPage',
    reads: ['status', 'me', 'fields', 'tags'],
  },
  {
    path: '/contacts/edit',
    module: 'src/features/contacts/edit-contact-page.tsx',
    component: 'EditContactPage',
    reads: ['status', 'me', 'fields', 'tags'],
  },
  { path: '/tags', module: 'src/features/tags/tags-page.tsx', component: 'TagsPage', reads: ['status', 'me', 'tags'] },
  { path: '/jobs', module: 'src/features/jobs/jobs-page.tsx', component: 'JobsPage', reads: ['status', 'me'] },
  { path: '/jobs/:id', module: 'src/features/jobs/job-page.tsx', component: 'JobPage', reads: ['status', 'me'] },
  {
    path: '/activity',
    module: 'src/features/audit/activity-page.tsx',
    component: 'ActivityPage',
    reads: ['status', 'me', 'fields', 'tags'],
  },
];

/** Where "/" goes. */
export const HOME = '/contacts';

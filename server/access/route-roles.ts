/**
 * The one table of what each /v1 and /api route needs, as a capability of src/contract/access.ts
 * (whose least role it names). A route missing here is refused before it is reached, so a new
 * route cannot be open by mistake; the tests check the table against every route the server has.
 */
import type { MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { can, refusalFor, type Capability } from '../../src/contract/access.ts';
import { messages } from '../../src/contract/messages.ts';
import type { ApiRoute } from '../routes.ts';
import { refusal, roleRefusal } from '../security.ts';

/** What each CampaignLark route needs; the compiler holds it to API_ROUTES, so none is left out. */
const GATEWAY: Record<ApiRoute, Capability> = {
  'GET /fields': 'read',
  'POST /fields': 'manage-workspace',
  'PATCH /fields/:id': 'manage-workspace',
  'DELETE /fields/:id': 'manage-workspace',
  'POST /contacts/search': 'read',
  'GET /contacts/by-email': 'read',
  'POST /contacts': 'edit-contacts',
  'PUT /contacts/:id': 'edit-contacts',
  'POST /contacts/upsert': 'edit-contacts',
  'POST /contacts/:id/tags/add': 'edit-contacts',
  'POST /contacts/:id/tags/remove': 'edit-contacts',
  'GET /tags': 'read',
  'POST /tags': 'manage-workspace',
  'PATCH /tags/:id': 'manage-workspace',
  'DELETE /tags/:id': 'manage-workspace',
};

export const ROUTE_CAPABILITIES: Readonly<Record<string, Capability>> = {
  'GET /api/status': 'read',
  'GET /api/me': 'read',

  ...Object.fromEntries(
    Object.entries(GATEWAY).map(([route, capability]) => [route.replace(' /', ' /v1/'), capability]),
  ),

  // A job's own rules (an option move is an admin's; another's job only an admin's) are in jobs/api.ts.
  'GET /api/jobs': 'read',
  'POST /api/jobs': 'edit-contacts',
  'GET /api/jobs/:id': 'read',
  'GET /api/jobs/:id/rows': 'read',
  'POST /api/jobs/:id/rows': 'edit-contacts',
  'POST /api/jobs/:id/start': 'edit-contacts',
  'POST /api/jobs/:id/:control{pause|resume|cancel}': 'edit-contacts',
  'POST /api/jobs/:id/undo': 'edit-contacts',
  'POST /api/jobs/:id/tag-created': 'edit-contacts',

  'GET /api/views': 'read',
  'POST /api/views': 'edit-contacts',
  'DELETE /api/views/:id': 'edit-contacts',

  'GET /api/history/:kind/:id': 'read',
  'GET /api/activity': 'see-activity',
};

const router = new TrieRouter<Capability>();
for (const [route, capability] of Object.entries(ROUTE_CAPABILITIES)) {
  const [method, path] = route.split(' ') as [string, string];
  router.add(method, path, capability);
  // HEAD is answered as GET is.
  if (method === 'GET') router.add('HEAD', path, capability);
}

/** What the route asked for needs, or null when no such route exists. */
export function capabilityOf(method: string, path: string): Capability | null {
  const [matches] = router.match(method, path);
  return matches[0]?.[0] ?? null;
}

/** Refuses a role below the route's need (403, in the SPA's words), and any route not in the table (404). */
export const roleGuard: MiddlewareHandler = async (c, next) => {
  const capability = capabilityOf(c.req.method, c.req.path);
  if (capability === null) {
    const { method, path } = c.req;
    return refusal(
      c,
      404,
      path.startsWith('/api/') ? 'There is no such Lark Admin endpoint.' : messages.unknownRoute(method, path),
    );
  }
  const { role } = c.get('person');
  if (!can(role, capability)) return roleRefusal(c, refusalFor(role, capability));
  return next();
};

/**
 * Who may do what in Lark Admin: the three roles, what each capability needs, and the words of a
 * refusal. The server enforces it (server/access/route-roles.ts) and the SPA disables what a role
 * cannot do with the same words, so a person is never let fill a form the server would refuse.
 */

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = { viewer: 'Viewer', editor: 'Editor', admin: 'Admin' };

/**
 * read: everything there is to see. edit-contacts: contacts, their tags and values, imports,
 * bulk actions and saved views. manage-workspace: fields, tags, option moves, anyone's jobs.
 * see-activity: the whole team's trail.
 */
export type Capability = 'read' | 'edit-contacts' | 'manage-workspace' | 'see-activity';

const LEAST_ROLE: Record<Capability, Role> = {
  read: 'viewer',
  'edit-contacts': 'editor',
  'manage-workspace': 'admin',
  'see-activity': 'admin',
};

const DOING: Record<Capability, string> = {
  read: 'read this workspace',
  'edit-contacts': 'change contacts',
  'manage-workspace': 'change fields or tags',
  'see-activity': "see the team's activity",
};

const rank = (role: Role) => ROLES.indexOf(role);

export const can = (role: Role, capability: Capability) => rank(role) >= rank(LEAST_ROLE[capability]);

/** The refusal a person reads, on the server's 403 and beside a disabled control alike. */
export const refusalFor = (role: Role, capability: Capability) =>
  `Your role (${ROLE_NAMES[role]}) cannot ${DOING[capability]}.`;

/** Another person's job: only an admin controls it. */
export const othersJobRefusal = (role: Role) =>
  `Your role (${ROLE_NAMES[role]}) can pause, cancel or undo only the jobs you started.`;

/** How people get in: their identity provider, one shared password, or nothing (this computer only). */
export type SignIn = 'oidc' | 'password' | 'open';

/** GET /api/me: the person this browser acts as. */
export interface Me {
  /** Stable across sign-ins: the provider's subject, or "password" / "local" in the simple modes. */
  id: string;
  name: string;
  email: string | null;
  role: Role;
  signIn: SignIn;
}

/** Marks Lark Admin's own 401 and 403 (not CampaignLark's), for the SPA's error mapper: 'session' or 'role'. */
export const REFUSAL_HEADER = 'X-Lark-Refusal';

export const SESSION_ENDED = 'Your session ended. Sign in again; what you typed is kept here.';

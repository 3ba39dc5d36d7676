import { NoticeRegion } from '../components/ui/notices.tsx';
import { focusRing } from '../components/ui/styles.ts';
import { Link, NavLink, Outlet, useNavigation } from '../lib/router/components.tsx';
import { useMe } from '../api/me.ts';
import { can, type Capability } from '../contract/access.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { PersonMenu } from './person-menu.tsx';
import { RouteError } from './route-error.tsx';
import { WorkspaceBanner } from './workspace-banner.tsx';

const NAVIGATION: { to: string; label: string; needs?: Capability }[] = [
  { to: '/contacts', label: 'Contacts' },
  { to: '/fields', label: 'Fields' },
  { to: '/tags', label: 'Tags' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/activity', label: 'Activity', needs: 'see-activity' },
];

export function Layout() {
  const navigation = useNavigation();
  const me = useMe();
  const shown = NAVIGATION.filter((item) => !item.needs || (me && can(me.role, item.needs)));
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className={`sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-40 ${focusRing}`}
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <WorkspaceBanner />
        <ConnectionBanner />
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className={`text-lg font-bold text-indigo-800 dark:text-indigo-300 ${focusRing}`}>
            Lark Admin
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-1">
              {shown.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) =>
                      `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing} ${
                        isActive
                          ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900 dark:text-indigo-50'
                          : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                      }`
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <PersonMenu />
        </div>
        {navigation.state === 'loading' && <div aria-hidden="true" className="h-0.5 animate-pulse bg-indigo-600" />}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        <NoticeRegion />
        <Outlet fallback={<p role="status">Loading Lark Admin…</p>} errorPage={RouteError} />
      </main>
    </div>
  );
}

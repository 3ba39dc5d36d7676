/**
 * The app's router: a flat table of pages loaded on first visit, the browser's history (or one in
 * memory, for tests), links, search params, and a blocker for leaving a changed form, including
 * by Back and Forward. Written here rather than taken from React Router, whose data router was a
 * quarter of the JavaScript the first page needed (issue #7); this is all the app uses.
 */
import {
  Component,
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type ComponentType,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
}

export interface Route {
  /** '/contacts', '/fields/:id/edit'; '*' takes any path no other route matches. */
  path: string;
  /** A page at hand, or */
  Component?: ComponentType;
  /** one whose code is fetched on first visit, or */
  lazy?: () => Promise<ComponentType>;
  /** another address to go to instead. */
  redirect?: string;
  /** Starts fetching what the page reads, on each visit, while its code loads. */
  prefetch?: () => void;
}

/** Where a navigation goes, and how: a new entry, in place of this one, or Back/Forward by `delta`. */
type Step = { kind: 'push' | 'replace' } | { kind: 'pop'; delta: number };

interface Shown {
  location: Location;
  params: Record<string, string>;
  Component?: ComponentType;
  error?: unknown;
}

export interface RouterState {
  /** The location the page on screen belongs to; the address bar may be ahead while a page loads. */
  location: Location;
  shown: Shown | null;
  loading: boolean;
  /** A navigation held back by a blocker, waiting for the person to choose. */
  blocked: { proceed: () => void; reset: () => void } | null;
}

type Blocker = (transition: { currentLocation: Location; nextLocation: Location }) => boolean;

interface History {
  location: () => Location;
  push: (to: string) => void;
  replace: (to: string) => void;
  go: (delta: number) => void;
  /** Back/Forward: called with how far the history moved. */
  onPop: (listener: (delta: number) => void) => void;
}

function parse(to: string): Location {
  const url = new URL(to, 'http://lark');
  return { pathname: url.pathname, search: url.search };
}

function browserHistory(): History {
  // Each entry carries its index, so Back/Forward can be measured, and undone while blocked.
  const indexOf = (state: unknown) => (state as { index?: number } | null)?.index;
  let index = indexOf(window.history.state) ?? 0;
  window.history.replaceState({ index }, '');
  return {
    location: () => ({ pathname: window.location.pathname, search: window.location.search }),
    push: (to) => {
      const samePage = parse(to).pathname === window.location.pathname;
      window.history.pushState({ index: ++index }, '', to);
      // A new page starts at its top; new search parameters keep the list where it was.
      if (!samePage) window.scrollTo(0, 0);
    },
    replace: (to) => window.history.replaceState({ index }, '', to),
    go: (delta) => window.history.go(delta),
    onPop: (listener) =>
      window.addEventListener('popstate', (event) => {
        const reached = indexOf(event.state);
        if (reached === undefined) {
          // A jump within the page ("Skip to content") made this entry: number it; no page changed.
          window.history.replaceState({ index: ++index }, '');
          return;
        }
        const delta = reached - index;
        index = reached;
        listener(delta);
      }),
  };
}

export function memoryHistory(initial: string): History {
  const entries = [initial];
  let index = 0;
  let popped: (delta: number) => void = () => {};
  return {
    location: () => parse(entries[index]!),
    push: (to) => {
      entries.splice(++index, entries.length, to);
    },
    replace: (to) => {
      entries[index] = to;
    },
    go: (delta) => {
      const next = Math.min(entries.length - 1, Math.max(0, index + delta));
      if (next === index) return;
      const moved = next - index;
      index = next;
      queueMicrotask(() => popped(moved));
    },
    onPop: (listener) => {
      popped = listener;
    },
  };
}

/** A path segment as text; a malformed escape ("%E0") is kept as typed rather than thrown. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(routes: readonly Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  const segments = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, n) => {
      if (part.startsWith(':')) return (params[part.slice(1)] = decodeSegment(segments[n]!)) !== '';
      return part === segments[n];
    });
    if (fits) return { route, params };
  }
  const fallback = routes.find((route) => route.path === '*');
  return fallback ? { route: fallback, params: {} } : null;
}

export interface Router {
  state: RouterState;
  navigate: (to: string, options?: { replace?: boolean }) => Promise<void>;
  subscribe: (listener: () => void) => () => void;
  block: (blocker: Blocker) => () => void;
  /** Fetches the code of the page at `to` ahead of a likely visit. */
  preload: (to: string) => void;
  /** Fetches the code of every page (for idle time once the first page is up). */
  preloadAll: () => void;
}

export function createRouter(routes: readonly Route[], history: History = browserHistory()): Router {
  const listeners = new Set<() => void>();
  const blockers = new Set<Blocker>();
  const loaded = new Map<Route, ComponentType>();
  const loading = new Map<Route, Promise<ComponentType>>();
  let latest = 0;
  let ignoreNextPop = false;

  /** A page's code, fetched once; a failed fetch may be tried again by the next visit. */
  function load(route: Route, fetchPage: () => Promise<ComponentType>): Promise<ComponentType> {
    let pending = loading.get(route);
    if (!pending) {
      pending = fetchPage().then(
        (component) => {
          loaded.set(route, component);
          return component;
        },
        (error: unknown) => {
          loading.delete(route);
          throw error;
        },
      );
      loading.set(route, pending);
    }
    return pending;
  }

  const router: Router = {
    state: { location: history.location(), shown: null, loading: true, blocked: null },
    navigate: (to, options = {}) => go(parse(to), { kind: options.replace ? 'replace' : 'push' }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    block: (blocker) => {
      blockers.add(blocker);
      return () => blockers.delete(blocker);
    },
    preload: (to) => {
      const route = match(routes, parse(to).pathname)?.route;
      if (route?.lazy && !loaded.has(route)) load(route, route.lazy).catch(() => {});
    },
    preloadAll: () => {
      for (const route of routes) if (route.lazy && !loaded.has(route)) load(route, route.lazy).catch(() => {});
    },
  };

  const update = (patch: Partial<RouterState>) => {
    router.state = { ...router.state, ...patch };
    for (const listener of listeners) listener();
  };

  async function go(next: Location, step: Step, unblocked = false): Promise<void> {
    const current = router.state.location;
    if (!unblocked && [...blockers].some((blocks) => blocks({ currentLocation: current, nextLocation: next }))) {
      // Back/Forward has already moved the address bar: put it back while the person decides.
      if (step.kind === 'pop') {
        ignoreNextPop = true;
        history.go(-step.delta);
      }
      const settle = () => update({ blocked: null });
      update({
        blocked: {
          proceed: () => {
            settle();
            if (step.kind === 'pop') {
              ignoreNextPop = true;
              history.go(step.delta);
            }
            void go(next, step, true);
          },
          reset: settle,
        },
      });
      return;
    }
    const href = `${next.pathname}${next.search}`;
    if (step.kind === 'push') history.push(href);
    if (step.kind === 'replace') history.replace(href);

    const found = match(routes, next.pathname);
    if (found?.route.redirect) return go(parse(found.route.redirect), { kind: 'replace' }, true);

    const attempt = ++latest;
    let shown: Shown = { location: next, params: found?.params ?? {} };
    const route = found?.route;
    route?.prefetch?.();
    const ready = route && (route.Component ?? loaded.get(route));
    if (ready) {
      shown.Component = ready;
    } else if (route?.lazy) {
      update({ loading: true });
      try {
        shown.Component = await load(route, route.lazy);
      } catch (error) {
        shown = { ...shown, error };
      }
      // A later navigation won while this page loaded.
      if (attempt !== latest) return;
    }
    update({ location: next, shown, loading: false });
  }

  history.onPop((delta) => {
    if (ignoreNextPop) {
      ignoreNextPop = false;
      return;
    }
    void go(history.location(), { kind: 'pop', delta });
  });
  void go(history.location(), { kind: 'replace' }, true);
  return router;
}

const RouterContext = createContext<Router | null>(null);
const ParamsContext = createContext<Record<string, string>>({});
const ErrorContext = createContext<unknown>(undefined);

function useRouter(): Router {
  const router = use(RouterContext);
  if (!router) throw new Error('This component needs a <RouterProvider> above it.');
  return router;
}

function useRouterState(): RouterState {
  const router = useRouter();
  return useSyncExternalStore(router.subscribe, () => router.state);
}

export function RouterProvider({ router, children }: { router: Router; children: ReactNode }) {
  return <RouterContext value={router}>{children}</RouterContext>;
}

class PageBoundary extends Component<{ errorPage: ComponentType; children: ReactNode }, { error?: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }
  override render() {
    const ErrorPage = this.props.errorPage;
    return this.state.failed ? (
      <ErrorContext value={this.state.error}>
        <ErrorPage />
      </ErrorContext>
    ) : (
      this.props.children
    );
  }
}

interface OutletProps {
  /** Shown until the first page's code arrives. */
  fallback: ReactNode;
  /** Shown when a page's code cannot be fetched or the page throws; it reads useRouteError(). */
  errorPage: ComponentType;
}

/** The current page, inside a boundary that catches its crashes (reset by moving to another path). */
export function Outlet({ fallback, errorPage: ErrorPage }: OutletProps) {
  const { shown } = useRouterState();
  if (!shown) return fallback;
  const { location, params, Component: Page, error } = shown;
  return (
    <ParamsContext value={params}>
      <PageBoundary key={location.pathname} errorPage={ErrorPage}>
        {Page ? (
          <Page />
        ) : (
          <ErrorContext value={error}>
            <ErrorPage />
          </ErrorContext>
        )}
      </PageBoundary>
    </ParamsContext>
  );
}

export const useRouteError = () => use(ErrorContext);
export const useParams = () => use(ParamsContext);
export const useLocation = () => useRouterState().location;
/** 'loading' while a page's code is on its way. */
export const useNavigation = () => ({ state: useRouterState().loading ? ('loading' as const) : ('idle' as const) });

export function useNavigate() {
  const router = useRouter();
  return useCallback((to: string, options?: { replace?: boolean }) => void router.navigate(to, options), [router]);
}

export function useSearchParams(): [URLSearchParams, (next: URLSearchParams, options?: { replace?: boolean }) => void] {
  const router = useRouter();
  const { location } = useRouterState();
  const set = (next: URLSearchParams, options?: { replace?: boolean }) => {
    const search = next.toString();
    void router.navigate(`${location.pathname}${search ? `?${search}` : ''}`, options);
  };
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  return [params, set];
}

/** Holds navigations `shouldBlock` approves; `state` says when one is waiting for proceed() or reset(). */
export function useBlocker(shouldBlock: Blocker) {
  const router = useRouter();
  const { blocked } = useRouterState();
  const latest = useRef(shouldBlock);
  latest.current = shouldBlock;
  useEffect(() => router.block((transition) => latest.current(transition)), [router]);
  return blocked ? { state: 'blocked' as const, ...blocked } : { state: 'unblocked' as const };
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; replace?: boolean };

/**
 * A real link (open in a new tab works); a plain click moves inside the app. Pointing at it or
 * focusing it fetches the page's code, so the click rarely waits for it.
 */
export function Link({ to, replace, onClick, ...props }: LinkProps) {
  const router = useRouter();
  const preload = () => router.preload(to);
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified || (props.target && props.target !== '_self')) return;
    event.preventDefault();
    void router.navigate(to, { replace });
  }
  return <a onPointerEnter={preload} onFocus={preload} {...props} href={to} onClick={follow} />;
}

type NavLinkProps = Omit<LinkProps, 'className'> & { className: (state: { isActive: boolean }) => string };

/** A link that knows when its section is on screen, and says so to screen readers. */
export function NavLink({ className, ...props }: NavLinkProps) {
  const { pathname } = useLocation();
  const isActive = pathname === props.to || pathname.startsWith(`${props.to}/`);
  return <Link {...props} aria-current={isActive ? 'page' : undefined} className={className({ isActive })} />;
}

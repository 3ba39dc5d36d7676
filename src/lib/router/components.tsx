/** The router in React: the provider, the page outlet with its crash boundary, hooks and links. */
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
import type { Blocker, Router, RouterState } from './create-router.ts';

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

class PageBoundary extends Component<
  { errorPage: ComponentType; children: ReactNode },
  { error?: unknown; failed: boolean }
> {
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

/**
 * After a move to another page, the focus goes to its heading, so a screen reader announces the
 * new page and Tab starts from its top (not from the link that was followed, now gone).
 */
function useFocusOnMove(pathname: string | undefined) {
  const previous = useRef(pathname);
  useEffect(() => {
    const moved = previous.current !== undefined && pathname !== previous.current;
    previous.current = pathname;
    if (!moved) return;
    const heading = document.querySelector<HTMLElement>('main h1, h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [pathname]);
}

/** The current page, inside a boundary that catches its crashes (reset by moving to another path). */
export function Outlet({ fallback, errorPage: ErrorPage }: OutletProps) {
  const { shown } = useRouterState();
  useFocusOnMove(shown?.location.pathname);
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

/**
 * The router's state: the page on screen, the one loading, and a move held by a blocker. A flat
 * table of pages, each loaded on first visit; written here rather than taken from React Router,
 * whose data router was a quarter of the JavaScript the first page needed (issue #7).
 */
import type { ComponentType } from 'react';
import { browserHistory, parse, type History, type Location } from './history.ts';
import { match, type Route } from './matching.ts';

type Step = { kind: 'push' | 'replace' } | { kind: 'pop'; delta: number };

export interface Shown {
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

export type Blocker = (transition: { currentLocation: Location; nextLocation: Location }) => boolean;

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
    // A link to the place the address bar already shows adds no entry: Back would otherwise seem to
    // do nothing. (The address bar, not the page on screen, which lags it while a page loads.)
    const here = history.location();
    const samePlace = href === `${here.pathname}${here.search}`;
    if (step.kind === 'push' && !samePlace) history.push(href);
    if (step.kind === 'replace' || (step.kind === 'push' && samePlace)) history.replace(href);

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

import { act, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  Link,
  NavLink,
  Outlet,
  RouterProvider,
  useBlocker,
  useParams,
  useRouteError,
  useSearchParams,
} from '../../../src/lib/router/components.tsx';
import { createRouter } from '../../../src/lib/router/create-router.ts';
import { memoryHistory } from '../../../src/lib/router/history.ts';
import type { Route } from '../../../src/lib/router/matching.ts';

function ErrorPage() {
  const error = useRouteError();
  return <p role="alert">{error instanceof Error ? error.message : 'unknown'}</p>;
}

function Shell() {
  return (
    <>
      <nav>
        <NavLink to="/fields" className={({ isActive }) => (isActive ? 'on' : 'off')}>
          Fields
        </NavLink>
        <Link to="/tags">Tags</Link>
      </nav>
      <Outlet fallback={<p role="status">Loading…</p>} errorPage={ErrorPage} />
    </>
  );
}

const Heading = ({ children }: { children: string }) => <h1>{children}</h1>;

function FieldEdit() {
  const { id } = useParams();
  return <Heading>{`Field ${id}`}</Heading>;
}

function Search() {
  const [params, setParams] = useSearchParams();
  return (
    <>
      <Heading>{`Search ${params.get('q') ?? ''}`}</Heading>
      <button type="button" onClick={() => setParams(new URLSearchParams({ q: 'more' }), { replace: true })}>
        Search more
      </button>
    </>
  );
}

function Guarded() {
  const blocker = useBlocker(() => true);
  return (
    <>
      <Heading>Guarded</Heading>
      {blocker.state === 'blocked' && (
        <>
          <button type="button" onClick={blocker.proceed}>
            Leave
          </button>
          <button type="button" onClick={blocker.reset}>
            Stay
          </button>
        </>
      )}
    </>
  );
}

const routes: Route[] = [
  { path: '/', redirect: '/fields' },
  { path: '/fields', Component: () => <Heading>Fields</Heading> },
  { path: '/fields/:id/edit', lazy: async () => FieldEdit },
  { path: '/tags', Component: () => <Heading>Tags</Heading> },
  { path: '/search', Component: Search },
  { path: '/guarded', Component: Guarded },
  { path: '/broken', lazy: () => Promise.reject(new Error('The page’s code could not be fetched.')) },
  { path: '*', Component: () => <Heading>Not found</Heading> },
];

function open(path: string) {
  const router = createRouter(routes, memoryHistory(path));
  render(
    <RouterProvider router={router}>
      <Shell />
    </RouterProvider>,
  );
  return { router, user: userEvent.setup() };
}

const heading = () => screen.findByRole('heading', { level: 1 });

describe('the router', () => {
  it('redirects, matches parameters, loads pages lazily and falls back to the catch-all', async () => {
    const { router } = open('/');
    expect(await heading()).toHaveTextContent('Fields');
    expect(router.state.location.pathname).toBe('/fields');
    await act(() => router.navigate('/fields/7/edit'));
    expect(await heading()).toHaveTextContent('Field 7');
    await act(() => router.navigate('/no/such/page'));
    expect(await heading()).toHaveTextContent('Not found');
    await act(() => router.navigate('/fields/%E0%A4%A/edit'));
    expect(await heading()).toHaveTextContent('Field %E0%A4%A');
  });

  it('shows the error page when a page’s code cannot be fetched', async () => {
    open('/broken');
    expect(await screen.findByRole('alert')).toHaveTextContent('The page’s code could not be fetched.');
  });

  it('follows plain clicks inside the app, marks the current section, and leaves modified clicks to the browser', async () => {
    const { router, user } = open('/tags');
    expect(screen.getByRole('link', { name: 'Fields' })).not.toHaveAttribute('aria-current');
    await user.click(screen.getByRole('link', { name: 'Fields' }));
    expect(await heading()).toHaveTextContent('Fields');
    expect(screen.getByRole('link', { name: 'Fields' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Fields' })).toHaveClass('on');

    await user.keyboard('{Control>}');
    await user.click(screen.getByRole('link', { name: 'Tags' }));
    await user.keyboard('{/Control}');
    expect(router.state.location.pathname).toBe('/fields');
  });

  it('adds no history entry for a link to the page already shown', async () => {
    const history = memoryHistory('/tags');
    const router = createRouter(routes, history);
    render(
      <RouterProvider router={router}>
        <Shell />
      </RouterProvider>,
    );
    const user = userEvent.setup();
    expect(await heading()).toHaveTextContent('Tags');
    await user.click(screen.getByRole('link', { name: 'Fields' }));
    await user.click(screen.getByRole('link', { name: 'Fields' }));
    await user.click(screen.getByRole('link', { name: 'Fields' }));
    // One step back reaches the page before, not the same page again.
    await act(async () => history.go(-1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tags'));
  });

  it('adds no entry for a second move to a page still loading', async () => {
    let arrive = () => {};
    const slow: Route[] = [
      ...routes.filter((route) => route.path !== '*'),
      { path: '/slow', lazy: () => new Promise((resolve) => (arrive = () => resolve(() => <Heading>Slow</Heading>))) },
    ];
    const history = memoryHistory('/tags');
    const router = createRouter(slow, history);
    render(
      <RouterProvider router={router}>
        <Shell />
      </RouterProvider>,
    );
    expect(await heading()).toHaveTextContent('Tags');
    void router.navigate('/slow');
    void router.navigate('/slow');
    await act(async () => arrive());
    expect(await heading()).toHaveTextContent('Slow');
    await act(async () => history.go(-1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tags'));
  });

  it('moves the focus to the new page’s heading, and leaves it alone when only the search changes', async () => {
    const { router, user } = open('/tags');
    await heading();
    const link = screen.getByRole('link', { name: 'Fields' });
    await user.click(link);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Fields' })).toHaveFocus());
    await act(() => router.navigate('/search?q=one'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Search one' })).toHaveFocus());
    const more = screen.getByRole('button', { name: 'Search more' });
    await user.click(more);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Search more' })).toBeInTheDocument());
    expect(more).toHaveFocus();
  });

  it('changes search parameters in place, keeping the page mounted', async () => {
    const { router, user } = open('/search?q=first');
    expect(await heading()).toHaveTextContent('Search first');
    const before = screen.getByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: 'Search more' }));
    expect(await heading()).toHaveTextContent('Search more');
    expect(screen.getByRole('heading', { level: 1 })).toBe(before);
    expect(router.state.location.search).toBe('?q=more');
  });

  it('holds a navigation while a blocker says so: Stay keeps the page, Leave goes', async () => {
    const { router, user } = open('/guarded');
    await heading();
    await user.click(screen.getByRole('link', { name: 'Tags' }));
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/guarded');
    expect(screen.queryByRole('button', { name: 'Leave' })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Tags' }));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await heading()).toHaveTextContent('Tags');
  });
});

describe('Back and Forward', () => {
  it('are held by a blocker too, and the history is put back while the person decides', async () => {
    const history = memoryHistory('/fields');
    const router = createRouter(routes, history);
    render(
      <RouterProvider router={router}>
        <Shell />
      </RouterProvider>,
    );
    await act(() => router.navigate('/guarded'));
    await heading();
    const user = userEvent.setup();

    act(() => history.go(-1));
    await screen.findByRole('button', { name: 'Stay' });
    expect(router.state.location.pathname).toBe('/guarded');
    await waitFor(() => expect(history.location().pathname).toBe('/guarded'));

    await user.click(screen.getByRole('button', { name: 'Stay' }));
    act(() => history.go(-1));
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/fields'));
    expect(history.location().pathname).toBe('/fields');
    expect(await heading()).toHaveTextContent('Fields');
  });
});

describe('fetching ahead', () => {
  it('fetches a page’s code once, when its link is pointed at, and its reads on every visit', async () => {
    let codeFetches = 0;
    let reads = 0;
    const counted: Route[] = [
      { path: '/fields', Component: () => <Heading>Fields</Heading> },
      {
        path: '/tags',
        lazy: async () => {
          codeFetches++;
          return () => <Heading>Tags</Heading>;
        },
        prefetch: () => reads++,
      },
    ];
    const router = createRouter(counted, memoryHistory('/fields'));
    render(
      <RouterProvider router={router}>
        <Shell />
      </RouterProvider>,
    );
    const user = userEvent.setup();
    await user.hover(await screen.findByRole('link', { name: 'Tags' }));
    expect(codeFetches).toBe(1);
    expect(reads).toBe(0);
    await user.click(screen.getByRole('link', { name: 'Tags' }));
    expect(await heading()).toHaveTextContent('Tags');
    await user.click(screen.getByRole('link', { name: 'Fields' }));
    await user.click(screen.getByRole('link', { name: 'Tags' }));
    expect(await heading()).toHaveTextContent('Tags');
    expect(codeFetches).toBe(1);
    expect(reads).toBe(2);
  });

  it('fetches every page’s code on request, once each, and none of their reads', async () => {
    const fetched: string[] = [];
    const page = (name: string) => async () => {
      fetched.push(name);
      return () => <Heading>{name}</Heading>;
    };
    const router = createRouter(
      [
        { path: '/fields', lazy: page('Fields'), prefetch: () => fetched.push('reads') },
        { path: '/tags', lazy: page('Tags') },
      ],
      memoryHistory('/fields'),
    );
    await waitFor(() => expect(router.state.shown).not.toBeNull());
    router.preloadAll();
    router.preloadAll();
    await waitFor(() => expect(fetched).toEqual(['reads', 'Fields', 'Tags']));
  });
});

/** Where the app is: the browser's history, or one in memory for tests. Entries are numbered, so Back and Forward can be measured and undone while a form asks first. */

export interface Location {
  pathname: string;
  search: string;
}

export interface History {
  location: () => Location;
  push: (to: string) => void;
  replace: (to: string) => void;
  go: (delta: number) => void;
  /** Back/Forward: called with how far the history moved. */
  onPop: (listener: (delta: number) => void) => void;
}

export function parse(to: string): Location {
  const url = new URL(to, 'http://lark');
  return { pathname: url.pathname, search: url.search };
}

export function browserHistory(): History {
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

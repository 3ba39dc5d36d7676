/**
 * A file with the same headers gets its mapping back: kept in this browser, by the headers'
 * letters, and used only while every field it names is still in the workspace.
 */
import { headerKey, type MatchTarget } from './column-match.ts';

const PREFIX = 'lark-admin:import-mapping:';
const keyFor = (headers: readonly string[]) => PREFIX + headers.map(headerKey).join('|');

export function rememberMapping(headers: readonly string[], targets: readonly MatchTarget[]) {
  try {
    localStorage.setItem(keyFor(headers), JSON.stringify(targets));
  } catch {
    // A full or blocked storage only means the next file is matched afresh.
  }
}

export function recalledMapping(headers: readonly string[], mergeTags: ReadonlySet<string>): MatchTarget[] | null {
  try {
    const stored = JSON.parse(localStorage.getItem(keyFor(headers)) ?? 'null') as MatchTarget[] | null;
    if (!Array.isArray(stored) || stored.length !== headers.length) return null;
    const fits = stored.every((target) => target.kind !== 'field' || mergeTags.has(target.mergeTag));
    return fits ? stored : null;
  } catch {
    return null;
  }
}

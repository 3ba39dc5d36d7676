/**
 * One rate budget for the workspace key, shared by the whole server (the contract allows about
 * 100 requests a second per workspace). Interactive requests go first; jobs use what is left, and
 * never more than 80 a second, so an admin's page stays quick while an import runs. Both limits
 * are sliding windows, so no second ever holds more than the limit, whatever the window's phase.
 */
import PQueue from 'p-queue';

export interface RateBudget {
  interactive<T>(work: () => Promise<T>): Promise<T>;
  job<T>(work: () => Promise<T>): Promise<T>;
  /** Requests waiting for their turn: past a few seconds' worth, a new interactive one is refused. */
  waiting(): number;
  readonly perSecond: number;
}

const INTERACTIVE = 1;
const JOB = 0;

export function createRateBudget({ perSecond = 100, jobShare = 0.8 } = {}): RateBudget {
  const whole = new PQueue({ intervalCap: perSecond, interval: 1000, strict: true });
  const jobs = new PQueue({ intervalCap: Math.max(1, Math.floor(perSecond * jobShare)), interval: 1000, strict: true });
  return {
    interactive: (work) => whole.add(work, { priority: INTERACTIVE }),
    job: (work) => jobs.add(() => whole.add(work, { priority: JOB })),
    waiting: () => whole.size,
    perSecond,
  };
}

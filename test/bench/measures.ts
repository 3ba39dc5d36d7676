/**
 * The scenarios for one subject, measured the same way whatever renders it. Interaction figures
 * are counted in the page from the event's own timestamp to a task queued after the next frame
 * (requestAnimationFrame, then setTimeout), so they include style, layout and paint.
 */
import type { Page } from '@playwright/test';
import { median, p95 } from './stats.ts';
import type { Workspace } from './workspace.ts';

export interface Subject {
  name: string;
  /** The add-contact form's address. */
  url: string;
  /** The id of the input for a merge tag. */
  idFor: (mergeTag: string) => string;
  /** A page that leads to the form in one click, and that link or button. */
  inApp: { url: string; role: 'link' | 'button'; name: string };
  /** How to submit and find the errors; absent where the page has no validation. */
  submit?: { button: string; errorSelector: string; errorIdFor: (mergeTag: string) => string };
}

export interface PageFigures {
  usableMs: number;
  allInputsMs: number;
  inAppUsableMs: number;
  inAppAllInputsMs: number;
  keyPaintMedianMs: number;
  keyPaintP95Ms: number;
  keyEventMedianMs: number;
  keyEventP95Ms: number;
  countryFilterMs: number;
  countryEventMs: number;
  submitToErrorsMs?: number;
  errorsShown?: number;
}

const TYPED = 'abcdefghijklmnopqrst';
/** Event Timing reports only events of 16 ms or more; a keystroke it leaves out counts as 16. */
const EVENT_TIMING_THRESHOLD = 16;

type Bench = Window & { __bench: { paints: number[]; interactions: Map<number, number>; filter?: Promise<number>; filterEvent?: number; submit?: Promise<{ ms: number; errors: number }> } };

/** Fails a step that hangs with its name, instead of the whole run hanging silently. */
async function step<T>(name: string, work: Promise<T>, timeoutMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${name}: no answer in ${timeoutMs} ms`)), timeoutMs)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * In the page: when the form's first input is in it and a task queued then has run (the main
 * thread is free to take a keystroke), and when its last input is in it too. Watched by a
 * MutationObserver, so no polling delay is counted.
 */
function watchForm([first, last]: readonly [string, string]): Promise<[number, number]> {
  const whenPresent = (id: string, then: (resolve: (ms: number) => void) => void) =>
    new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.getElementById(id)) return;
        observer.disconnect();
        then(resolve);
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  return Promise.all([whenPresent(first, (resolve) => setTimeout(() => resolve(performance.now()))), whenPresent(last, (resolve) => resolve(performance.now()))]);
}

const watchFormScript = (subject: Subject, workspace: Workspace) =>
  // Ends in undefined, so evaluating it does not wait for the promise it stores.
  `window.__form = (${watchForm.toString()})(${JSON.stringify([subject.idFor('email_address'), subject.idFor(workspace.lastTag)])}); undefined;`;
const formWatched = (page: Page) => page.evaluate(() => (window as unknown as { __form: Promise<[number, number]> }).__form);

/**
 * From navigation start: `usableMs` until the first input takes keys, `allInputsMs` until the
 * last input is in the page. A form rendered in one piece has them nearly equal.
 */
async function timeToUsable(page: Page, subject: Subject, workspace: Workspace): Promise<{ usableMs: number; allInputsMs: number }> {
  await page.addInitScript({ content: watchFormScript(subject, workspace) });
  await page.goto(subject.url, { waitUntil: 'commit' });
  const [usableMs, allInputsMs] = await formWatched(page);
  return { usableMs, allInputsMs };
}

/**
 * The same two moments, counted from a click that leads to the form inside a page that has
 * loaded and settled (the app's Contacts list; the peers' "Add contact" button).
 */
async function inAppToUsable(page: Page, subject: Subject, workspace: Workspace): Promise<{ usableMs: number; allInputsMs: number }> {
  await page.goto(subject.inApp.url);
  const trigger = page.getByRole(subject.inApp.role, { name: subject.inApp.name, exact: true });
  await trigger.waitFor();
  await settle(page);
  await page.evaluate(watchFormScript(subject, workspace));
  await page.evaluate(() => {
    (window as unknown as { __clicked: Promise<number> }).__clicked = new Promise((resolve) =>
      document.addEventListener('click', (event) => resolve(event.timeStamp), { capture: true, once: true }),
    );
  });
  await trigger.click();
  const clicked = await page.evaluate(() => (window as unknown as { __clicked: Promise<number> }).__clicked);
  const [usable, allInputs] = await formWatched(page);
  return { usableMs: usable - clicked, allInputsMs: allInputs - clicked };
}

/** Waits until the page is idle, so typing measures steady work, not the tail of loading. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })));

/** Types 20 characters into the last text input; per keystroke, keydown → next paint and the Event Timing duration. */
async function keystrokes(page: Page, inputId: string): Promise<{ paints: number[]; events: number[] }> {
  await page.evaluate((id) => {
    const bench: Bench['__bench'] = { paints: [], interactions: new Map() };
    (window as unknown as Bench).__bench = bench;
    document.getElementById(id)!.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => bench.paints.push(performance.now() - start)));
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (entry.interactionId) bench.interactions.set(entry.interactionId, Math.max(entry.duration, bench.interactions.get(entry.interactionId) ?? 0));
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  }, inputId);
  await settle(page);
  await page.locator(`#${inputId}`).focus();
  await page.keyboard.type(TYPED, { delay: 30 });
  await page.waitForTimeout(300);
  const { paints, interactions } = await page.evaluate(() => {
    const bench = (window as unknown as Bench).__bench;
    return { paints: bench.paints, interactions: [...bench.interactions.values()] };
  });
  const typedValue = await page.locator(`#${inputId}`).inputValue();
  if (!typedValue.endsWith(TYPED)) throw new Error(`the text input holds "${typedValue}", not what was typed`);
  const events = [...interactions, ...Array<number>(Math.max(0, TYPED.length - interactions.length)).fill(EVENT_TIMING_THRESHOLD)];
  return { paints, events };
}

/** A letter typed into the country picker → the frame that shows its result, and its Event Timing duration. */
async function countryFilter(page: Page, inputId: string): Promise<{ paintMs: number; eventMs: number }> {
  await settle(page);
  await page.locator(`#${inputId}`).focus();
  await page.evaluate((id) => {
    const bench = (window as unknown as Bench).__bench;
    bench.filterEvent = 0;
    const since = performance.now();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (entry.interactionId && entry.startTime >= since) bench.filterEvent = Math.max(bench.filterEvent ?? 0, entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    bench.filter = new Promise((resolve) => {
      document.getElementById(id)!.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        },
        { once: true },
      );
    });
  }, inputId);
  await page.keyboard.type('g');
  const paintMs = await page.evaluate(() => (window as unknown as Bench).__bench.filter!);
  await page.waitForTimeout(200);
  const eventMs = await page.evaluate(() => (window as unknown as Bench).__bench.filterEvent ?? 0);
  return { paintMs, eventMs: eventMs || EVENT_TIMING_THRESHOLD };
}

/**
 * Submit with required fields empty → the frame that paints the error of the last required field
 * (the last, so a form that paints its errors in more than one pass is timed to the end).
 * Also counts the errors shown.
 */
async function submitToErrors(page: Page, submit: NonNullable<Subject['submit']>, lastErrorId: string): Promise<{ ms: number; errors: number }> {
  const button = page.getByRole('button', { name: submit.button, exact: true });
  await button.evaluate((element, [errorSelector, lastErrorId]) => {
    const bench = (window as unknown as Bench).__bench;
    bench.submit = new Promise((resolve) => {
      element.addEventListener(
        'pointerdown',
        (event) => {
          const start = event.timeStamp;
          const observer = new MutationObserver(() => {
            if (!document.getElementById(lastErrorId)) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - start, errors: document.querySelectorAll(errorSelector).length })));
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { once: true },
      );
    });
  }, [submit.errorSelector, lastErrorId] as const);
  await button.click();
  return page.evaluate(() => (window as unknown as Bench).__bench.submit!);
}

/** Loads a fresh page in a fresh browser context for each, and runs every scenario in turn. */
export async function measurePage(fresh: <T>(work: (page: Page) => Promise<T>) => Promise<T>, subject: Subject, workspace: Workspace): Promise<PageFigures> {
  const label = `${subject.name} at ${workspace.size} fields`;
  const inApp = await fresh((page) => step(`${label}: in-app usable`, inAppToUsable(page, subject, workspace)));
  const cold = await fresh((page) => coldPage(page, subject, workspace));
  return { ...cold, inAppUsableMs: inApp.usableMs, inAppAllInputsMs: inApp.allInputsMs };
}

async function coldPage(page: Page, subject: Subject, workspace: Workspace): Promise<Omit<PageFigures, 'inAppUsableMs' | 'inAppAllInputsMs'>> {
  const label = `${subject.name} at ${workspace.size} fields`;
  const { usableMs, allInputsMs } = await step(`${label}: usable`, timeToUsable(page, subject, workspace));
  const { paints, events } = await step(`${label}: keystrokes`, keystrokes(page, subject.idFor(workspace.lastTextTag)));
  const country = await step(`${label}: country filter`, countryFilter(page, subject.idFor(workspace.lastCountryTag)));
  await page.keyboard.press('Escape');
  const submitted = subject.submit ? await step(`${label}: submit`, submitToErrors(page, subject.submit, subject.submit.errorIdFor(workspace.lastRequiredTag))) : undefined;
  return {
    usableMs,
    allInputsMs,
    keyPaintMedianMs: median(paints),
    keyPaintP95Ms: p95(paints),
    keyEventMedianMs: median(events),
    keyEventP95Ms: p95(events),
    countryFilterMs: country.paintMs,
    countryEventMs: country.eventMs,
    ...(submitted ? { submitToErrorsMs: submitted.ms, errorsShown: submitted.errors } : {}),
  };
}

/** "Export CSV": every entry of the current filter, page by page, as one file; it can be stopped. */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { readAllActivity } from '../../api/audit.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { ActivityFilter } from '../../contract/audit.ts';
import { downloadCsv } from '../../lib/download.ts';
import { activityCsv, EXPORT_CAP } from './activity-csv.ts';
import type { Names } from '../../components/audit/entry-words.ts';

type ExportState =
  | { step: 'idle' }
  | { step: 'reading'; read: number }
  | { step: 'stopped' }
  | { step: 'capped' }
  | { step: 'failed'; error: Error };

const count = (n: number) => n.toLocaleString('en');

export function ActivityExport({ filter, names }: { filter: ActivityFilter; names: Names }) {
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const reading = useRef<AbortController>(null);
  const start = useRef<HTMLButtonElement>(null);
  // Leaving the page stops the reading too: nobody is there to receive the file.
  useEffect(() => () => reading.current?.abort(), []);

  async function download() {
    const controller = new AbortController();
    reading.current = controller;
    setState({ step: 'reading', read: 0 });
    try {
      const { entries, capped } = await readAllActivity(
        filter,
        EXPORT_CAP,
        (read) => setState({ step: 'reading', read }),
        controller.signal,
      );
      downloadCsv(`activity-${new Date().toISOString().slice(0, 10)}.csv`, activityCsv(entries, names));
      setState(capped ? { step: 'capped' } : { step: 'idle' });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ step: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          ref={start}
          busy={state.step === 'reading'}
          busyLabel={state.step === 'reading' ? `Reading entries… ${count(state.read)}` : undefined}
          onClick={() => void download()}
        >
          Export CSV
        </Button>
        {state.step === 'reading' && (
          <Button
            onClick={() => {
              reading.current?.abort();
              // The button pressed goes with the reading: the focus returns to where it began.
              flushSync(() => setState({ step: 'stopped' }));
              start.current?.focus();
            }}
          >
            Stop export
          </Button>
        )}
      </div>
      {state.step === 'stopped' && <p role="status">Export stopped: no file was made.</p>}
      {state.step === 'capped' && (
        <Alert tone="warning" announce title={`The file holds the newest ${count(EXPORT_CAP)} entries only.`}>
          <p>Narrow the days to export the older ones.</p>
        </Alert>
      )}
      {state.step === 'failed' && <Alert title="The file could not be made.">{state.error.message}</Alert>}
    </div>
  );
}

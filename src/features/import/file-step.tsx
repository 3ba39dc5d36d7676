/** Step 1: a CSV file (chosen or dropped), or cells pasted from a spreadsheet. */
import { useState, type DragEvent } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { FormField } from '../../components/ui/form-field.tsx';
import { inputClass } from '../../components/ui/styles.ts';

interface FileStepProps {
  reading: boolean;
  failure: string | null;
  onRead: (source: File | string) => void;
}

export function FileStep({ reading, failure, onRead }: FileStepProps) {
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onRead(file);
  };
  return (
    <section aria-labelledby="file-step" className="space-y-4">
      <h2 id="file-step" className="font-semibold">
        Read the contacts
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`rounded-lg border-2 border-dashed p-6 ${dragging ? 'border-indigo-600 bg-indigo-50 dark:bg-indigo-950' : 'border-slate-300 dark:border-slate-700'}`}
      >
        <FormField
          id="csv-file"
          label="CSV file"
          hint="Or drop it here. Comma, semicolon or tab separated; UTF-8 or Windows-1252. Nothing is sent until you start the import."
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              disabled={reading}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) onRead(file);
              }}
              className="text-sm"
            />
          )}
        </FormField>
      </div>
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (pasted.trim() !== '') onRead(pasted);
        }}
      >
        <FormField id="paste-rows" label="Paste rows" hint="Copy the cells from a spreadsheet, header row included.">
          {(aria) => (
            <textarea
              {...aria}
              rows={5}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              className={`${inputClass} font-mono`}
            />
          )}
        </FormField>
        <Button type="submit" disabled={pasted.trim() === ''} busy={reading} busyLabel="Reading…">
          Read the pasted rows
        </Button>
      </form>
      {reading && <p role="status">Reading the rows…</p>}
      {failure && <Alert title="The rows could not be read.">{failure}</Alert>}
    </section>
  );
}

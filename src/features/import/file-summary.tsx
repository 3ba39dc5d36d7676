/** What was read: the file's name, its rows, how it was written, and anything the reader had to decide. */
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import type { TableFacts } from './import-engine.ts';

const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

export function FileSummary({ name, table, onAnother }: { name: string; table: TableFacts; onAnother: () => void }) {
  const rowNotes = [...table.rowNotes].slice(0, 5);
  return (
    <section aria-label="The file" className="space-y-2">
      <p className="text-sm">
        <strong>{name}</strong> · {table.rowCount.toLocaleString('en')} rows · {table.headers.length} columns ·{' '}
        {DELIMITERS[table.delimiter]}-separated · {table.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}{' '}
        <Button onClick={onAnother}>Choose another file</Button>
      </p>
      {(table.notes.length > 0 || rowNotes.length > 0) && (
        <Alert tone="info" title="While reading the file">
          <ul className="list-disc pl-5">
            {table.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
            {rowNotes.map(([row, note]) => (
              <li key={row}>
                Row {row + 1}: {note}
              </li>
            ))}
            {table.rowNotes.size > rowNotes.length && <li>…and {table.rowNotes.size - rowNotes.length} more rows.</li>}
          </ul>
        </Alert>
      )}
    </section>
  );
}

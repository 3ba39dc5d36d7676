import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

/** Says that a form's unsent entries came back from this browser, where they are, and offers to drop them. */
export function RestoredDraft({
  savedAt,
  inputs,
  onDiscard,
}: {
  savedAt: string;
  inputs?: readonly string[];
  onDiscard: () => void;
}) {
  return (
    <Alert tone="info" announce={false} title="Your unsent entries were restored.">
      <p>They were kept in this browser at {new Date(savedAt).toLocaleString()}.</p>
      {inputs && inputs.length > 0 && <p>Restored changes in: {inputs.join(', ')}.</p>}
      <Button onClick={onDiscard}>Discard them</Button>
    </Alert>
  );
}

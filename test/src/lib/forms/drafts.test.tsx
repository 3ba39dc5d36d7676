import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { readDraft, useDraftKeeping } from '../../../../src/lib/forms/drafts.ts';

const KEY = 'test-draft';

function DraftedForm() {
  const form = useForm({ defaultValues: { name: '' } });
  const draft = useDraftKeeping(KEY, form);
  return (
    <>
      <label>
        Name <input {...form.register('name')} />
      </label>
      <button type="button" onClick={draft.discard}>
        Sent
      </button>
    </>
  );
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const accept = (stored: unknown) => stored as { name: string };

describe('useDraftKeeping', () => {
  it('keeps what is typed, a moment after the last key', async () => {
    const user = userEvent.setup();
    render(<DraftedForm />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann');
    expect(readDraft(KEY, accept)).toBeNull();
    await wait(300);
    expect(readDraft(KEY, accept)?.form).toEqual({ name: 'Ann' });
  });

  it('discards the draft and any save still waiting, so a sent form never comes back', async () => {
    const user = userEvent.setup();
    render(<DraftedForm />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann');
    await user.click(screen.getByRole('button', { name: 'Sent' }));
    await wait(300);
    expect(readDraft(KEY, accept)).toBeNull();
  });
});

/** The benchmark workspace: `size` fields, the 7 types in turn, dropdowns of 20 options, every third required. */
export const TYPES = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE', 'COUNTRY'] as const;
const OPTIONS = Array.from({ length: 20 }, (_, n) => `Choice ${n + 1}`).join(',');

/** Merge tags allow only letters and underscores, so field n is f_ and n in base 26 spelled with letters. */
const tagFor = (n: number) => `f_${n.toString(26).split('').map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`;

export interface Workspace {
  size: number;
  /** Merge tags of the last field, the last text field and the last country field. */
  lastTag: string;
  lastTextTag: string;
  lastCountryTag: string;
  /**
   * The last required field that an empty submit must flag, and that the other scenarios leave
   * alone (not yes/no, which is never blank; not the text or country fields typed into).
   */
  lastRequiredTag: string;
}

/** Fills an empty sandbox at `url`; the email field is already there, so size - 1 are added. */
export async function seedWorkspace(url: string, size: number): Promise<Workspace> {
  const added = Array.from({ length: size - 1 }, (_, n) => ({ n, type: TYPES[n % TYPES.length]!, required: n % 3 === 0 }));
  for (const { n, type, required } of added) {
    const field = { label: `Field ${n}`, merge_tag: tagFor(n), type, required, ...(type.startsWith('DROPDOWN') ? { definition: OPTIONS } : {}) };
    for (;;) {
      const answer = await fetch(`${url}/v1/fields`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(field) });
      if (answer.status === 201) break;
      // The sandbox keeps the contract's rate limit; a 429 is never applied, so sending again is safe.
      if (answer.status !== 429) throw new Error(`seeding failed: ${answer.status} ${await answer.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const lastOf = (type: string) => tagFor(added.findLast((field) => field.type === type)!.n);
  return {
    size,
    lastTag: tagFor(size - 2),
    lastTextTag: lastOf('TEXT'),
    lastCountryTag: lastOf('COUNTRY'),
    lastRequiredTag: tagFor(added.findLast((field) => field.required && ['NUMBER', 'DATE', 'DROPDOWN_SINGLE', 'DROPDOWN_MULTIPLE'].includes(field.type))!.n),
  };
}

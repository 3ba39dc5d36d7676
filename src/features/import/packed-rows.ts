/**
 * A file's rows kept as one string a row, its cells joined by NUL: a hundred thousand strings
 * instead of a million cells and their arrays, which is most of what the tab holds for a big
 * file. A NUL inside a cell (binary junk, never a contact's value) reads as U+FFFD.
 */
const SEPARATOR = '\u0000';

export interface Rows {
  readonly length: number;
  row(index: number): string[];
  set(index: number, column: number, text: string): void;
}

/** Each row as one string, ready to travel between workers as a hundred thousand strings. */
export const packed = (rows: readonly (readonly string[])[]) =>
  rows.map((cells) => cells.map((cell) => cell.replaceAll(SEPARATOR, '\ufffd')).join(SEPARATOR));

export function rowsOf(packed: string[]): Rows {
  return {
    length: packed.length,
    row: (index) => packed[index]?.split(SEPARATOR) ?? [],
    set(index, column, text) {
      const cells = this.row(index);
      cells[column] = text.replaceAll(SEPARATOR, '\ufffd');
      packed[index] = cells.join(SEPARATOR);
    },
  };
}

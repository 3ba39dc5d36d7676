/**
 * A contact file's bytes or pasted text as a table of strings, with the notes an admin must see
 * about what was changed on the way in. No DOM: the import's Worker and the tests both run it.
 */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';
export type TableEncoding = 'utf-8' | 'windows-1252';

export interface ParsedTable {
  headers: string[];
  /** Every data row as the file has it, each exactly headers.length cells long. */
  rows: string[][];
  delimiter: Delimiter;
  /** Row-level notes a person must see, by row index (0 = first data row). */
  rowNotes: Map<number, string>;
  /** File-level notes: blank or repeated headers renamed, a `sep=` line read, a quote never closed. */
  notes: string[];
}

export type DecodedTable = ParsedTable & { encoding: TableEncoding };

export interface ParseOptions {
  /**
   * The delimiter when guessing finds none, as in a one-column table. Papa Parse falls back to a
   * comma, which splits "Müller, Hans" in a single pasted column; pasted cells are tab-separated.
   */
  fallbackDelimiter?: Delimiter;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
  refuseOtherFormats(bytes);
  try {
    // The default decoder drops a leading byte-order mark, as spreadsheet programs expect.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Excel's plain "CSV" on Windows writes the ANSI code page; every byte sequence is valid in it.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Files that would otherwise decode as windows-1252 into a screen of nonsense: say what they are
 * and how to get a CSV instead.
 */
function refuseOtherFormats(bytes: Uint8Array) {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0))
    throw new Error('This is a spreadsheet workbook, not a CSV file. Save it as "CSV UTF-8" and choose that file.');
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff))
    throw new Error('This file is saved as UTF-16 ("Unicode Text"). Save it as "CSV UTF-8" and choose that file.');
}

export function parseTable(text: string, options: ParseOptions = {}): ParsedTable {
  const notes: string[] = [];
  let input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = readSepLine(input);
  if (sep) {
    input = input.slice(sep.length);
    notes.push(`The first line sep=${sep.delimiter === '\t' ? '(tab)' : sep.delimiter} was read as the delimiter.`);
  }

  let result = papaParse(input, sep?.delimiter ?? '');
  if (!sep && result.errors.some((error) => error.code === 'UndetectableDelimiter')) {
    const fallback = options.fallbackDelimiter ?? ',';
    if (fallback !== ',') result = papaParse(input, fallback);
  }
  const delimiter = (sep?.delimiter ?? result.meta.delimiter) as Delimiter;

  const [rawHeaders, ...body] = result.data;
  if (!rawHeaders) throw new Error('The file is empty.');
  if (body.length === 0) throw new Error('The file has a header row but no contacts.');

  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const line = lineAt(input, unclosed.index ?? 0) + (sep ? 1 : 0);
    notes.push(
      `A quote mark on line ${line} is never closed, so everything after it was read into one cell. ` +
        'Check that line in the file.',
    );
  }

  const width = usedWidth(rawHeaders, body);
  const headers = nameHeaders(rawHeaders.slice(0, width), notes);
  const rowNotes = new Map<number, string>();
  const rows = body.map((row, index) => {
    if (row.length === width) return row;
    if (row.length < width) {
      rowNotes.set(index, `${cellCount(row.length, width)} The missing cells are left empty.`);
      return row.concat(Array<string>(width - row.length).fill(''));
    }
    // Trailing delimiters that carry nothing lose nothing when cut, so they need no note.
    if (row.slice(width).some((cell) => cell.trim() !== ''))
      rowNotes.set(index, `${cellCount(row.length, width)} The extra cells are not imported.`);
    return row.slice(0, width);
  });
  return { headers, rows, delimiter, rowNotes, notes };
}

function papaParse(input: string, delimiter: Delimiter | '') {
  return Papa.parse<string[]>(input, {
    delimiter,
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    header: false,
  });
}

/** Excel and LibreOffice write `sep=;` as a first line to name the delimiter; some quote it or pad it. */
function readSepLine(input: string): { delimiter: Delimiter; length: number } | undefined {
  const match = /^"?sep=(,|;|\t|\\t)"?[,;\t]*(?:\r\n|\r|\n|$)/i.exec(input);
  if (!match) return undefined;
  const delimiter = (match[1] === '\\t' ? '\t' : match[1]) as Delimiter;
  return { delimiter, length: match[0].length };
}

/**
 * Header columns up to the last one that has a name or any data. Some programs end every line
 * with a delimiter; an unnamed, empty trailing column would only add a "Column N" and a note per row.
 */
function usedWidth(headers: string[], body: string[][]) {
  let width = headers.length;
  while (width > 1 && headers[width - 1]!.trim() === '' && body.every((row) => !row[width - 1]?.trim())) width--;
  return width;
}

function nameHeaders(raw: string[], notes: string[]): string[] {
  const blanks: string[] = [];
  const names = raw.map((cell, i) => {
    const name = cell.trim();
    if (name) return name;
    blanks.push(`Column ${i + 1}`);
    return `Column ${i + 1}`;
  });
  if (blanks.length === 1) notes.push(`A blank header was named ${blanks[0]}.`);
  else if (blanks.length > 1) notes.push(`Blank headers were named ${blanks.join(', ')}.`);

  // A renamed column must not take a name another column already has, such as a real "Email (2)".
  const taken = new Set(names.map((name) => name.toLowerCase()));
  const groups = new Map<string, { first: string; renamed: string[] }>();
  const headers = names.map((name) => {
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: name, renamed: [] });
      return name;
    }
    let n = group.renamed.length + 2;
    while (taken.has(`${key} (${n})`)) n++;
    const renamed = `${name} (${n})`;
    taken.add(renamed.toLowerCase());
    group.renamed.push(renamed);
    return renamed;
  });
  for (const { first, renamed } of groups.values()) {
    if (renamed.length === 0) continue;
    const count = capitalize(numberWord(renamed.length + 1));
    notes.push(
      renamed.length === 1
        ? `${count} columns are called ${first}: the second is ${renamed[0]}.`
        : `${count} columns are called ${first}: the others are ${renamed.slice(0, -1).join(', ')} and ${renamed.at(-1)}.`,
    );
  }
  return headers;
}

const cellCount = (cells: number, width: number) =>
  `This row has ${cells} ${cells === 1 ? 'cell' : 'cells'}; the header has ${width}.`;

/** 1-based line of a character offset, counting every line break, as a text editor shows it. */
function lineAt(input: string, index: number) {
  return (input.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const numberWord = (n: number) => WORDS[n] ?? String(n);
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A chosen file's bytes, decoded and parsed. */
export function parseFileBytes(bytes: Uint8Array): DecodedTable {
  const { text, encoding } = decodeBytes(bytes);
  return { ...parseTable(text), encoding };
}

/** Pasted text is already text; cells copied from a spreadsheet are tab-separated. */
export function parsePastedText(text: string): DecodedTable {
  return { ...parseTable(text, { fallbackDelimiter: '\t' }), encoding: 'utf-8' };
}

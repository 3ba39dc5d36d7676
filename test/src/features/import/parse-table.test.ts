import { describe, expect, it } from 'vitest';
import {
  decodeBytes,
  parseFileBytes,
  parsePastedText,
  parseTable,
} from '../../../../src/features/import/parse-table.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseTable: delimiters', () => {
  it.each([
    [',', 'Email,First name,City\nann@example.com,Ann,Oslo\nbo@example.com,Bo,Bergen\n'],
    [';', 'Email;First name;City\r\nann@example.com;Ann;Oslo\r\nbo@example.com;Bo;Bergen\r\n'],
    ['\t', 'Email\tFirst name\tCity\nann@example.com\tAnn\tOslo\nbo@example.com\tBo\tBergen'],
  ])('reads a %j file', (delimiter, text) => {
    const table = parseTable(text);
    expect(table.delimiter).toBe(delimiter);
    expect(table.headers).toEqual(['Email', 'First name', 'City']);
    expect(table.rows).toEqual([
      ['ann@example.com', 'Ann', 'Oslo'],
      ['bo@example.com', 'Bo', 'Bergen'],
    ]);
    expect(table.notes).toEqual([]);
    expect(table.rowNotes.size).toBe(0);
  });

  it('prefers semicolons when the cells are full of decimal commas', () => {
    const table = parseTable('Email;Score;Spent\nann@example.com;1,5;10,25\nbo@example.com;2,5;3,75\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]).toEqual(['ann@example.com', '1,5', '10,25']);
  });

  it.each([
    ['sep=;', ';', ',', 'The first line sep=; was read as the delimiter.'],
    ['sep=,', ',', ';', 'The first line sep=, was read as the delimiter.'],
    ['sep=\t', '\t', ',', 'The first line sep=(tab) was read as the delimiter.'],
    ['"sep=;"', ';', ',', 'The first line sep=; was read as the delimiter.'],
  ])('uses and drops a first line %j', (line, d, other, note) => {
    // The cells hold another delimiter evenly, so guessing alone could pick it; the sep line must win.
    const table = parseTable(`\ufeff${line}\r\nEmail${d}Name${other} full\r\nann@example.com${d}Lind${other} Ann\r\n`);
    expect(table.delimiter).toBe(d);
    expect(table.headers).toEqual(['Email', `Name${other} full`]);
    expect(table.rows).toEqual([['ann@example.com', `Lind${other} Ann`]]);
    expect(table.notes).toEqual([note]);
  });

  it('keeps a single column whole, and pasted text splits it on tabs only', () => {
    expect(parseTable('Name\nLind, Ann\nBo\n').rows).toEqual([['Lind'], ['Bo']]);
    const pasted = parsePastedText('Name\nLind, Ann\nBo\n');
    expect(pasted.rows).toEqual([['Lind, Ann'], ['Bo']]);
    expect(pasted.rowNotes.size).toBe(0);
  });
});

describe('parseTable: quoting', () => {
  it('keeps quoted line breaks, delimiters and doubled quotes', () => {
    const text = 'Email,Address,Note\r\nann@example.com,"1 Main St\nFlat 2\r\nOslo","She said ""hi"", then left"\r\n';
    const table = parseTable(text);
    expect(table.rows).toEqual([['ann@example.com', '1 Main St\nFlat 2\r\nOslo', 'She said "hi", then left']]);
  });

  it('keeps cells exactly as written: spaces, leading zeros, numbers and stray quotes', () => {
    const table = parseTable('Email,Zip,Height,Name\n ann@example.com ,00123,1e3,Bob "the" Smith\n');
    expect(table.rows[0]).toEqual([' ann@example.com ', '00123', '1e3', 'Bob "the" Smith']);
  });

  it('says where a quote is never closed', () => {
    const table = parseTable('sep=,\nEmail,Note\nann@example.com,ok\n\nbo@example.com,"oops\ncy@example.com,lost\n');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[1]).toEqual(['bo@example.com', 'oops\ncy@example.com,lost\n']);
    expect(table.notes).toContain(
      'A quote mark on line 5 is never closed, so everything after it was read into one cell. Check that line in the file.',
    );
  });
});

describe('decodeBytes', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Name\nMüller €\n')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Name\nMüller €\n', encoding: 'utf-8' });
    expect(parseFileBytes(bytes).headers).toEqual(['Name']);
  });

  it('reads UTF-8 without a mark, and does not take its ü for windows-1252', () => {
    expect(decodeBytes(utf8('Name;Price\nMüller;5 €\n'))).toEqual({
      text: 'Name;Price\nMüller;5 €\n',
      encoding: 'utf-8',
    });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Name;Price\nMüller;5 €\n" as Excel on Windows saves it: ü is 0xFC, € is 0x80.
    const bytes = new Uint8Array([...utf8('Name;Price\nM'), 0xfc, ...utf8('ller;5 '), 0x80, 0x0a]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Name;Price\nMüller;5 €\n', encoding: 'windows-1252' });
    const table = parseFileBytes(bytes);
    expect(table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: [['Müller', '5 €']] });
  });

  it('turns away workbooks and UTF-16 text with what to do instead', () => {
    expect(() => decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toThrow(/not a CSV file.*CSV UTF-8/);
    expect(() => decodeBytes(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]))).toThrow(/UTF-16.*CSV UTF-8/);
  });
});

describe('parseTable: headers', () => {
  it('trims headers and names blank ones by position', () => {
    const table = parseTable(' Email ,,Name,  \nann@example.com,x,Ann,y\n');
    expect(table.headers).toEqual(['Email', 'Column 2', 'Name', 'Column 4']);
    expect(table.notes).toEqual(['Blank headers were named Column 2, Column 4.']);
    expect(parseTable('Email,,Name\na,b,c\n').notes).toEqual(['A blank header was named Column 2.']);
  });

  it('numbers repeated headers, ignoring case, without taking a name already there', () => {
    const table = parseTable('Email,Name,email,EMAIL,Email (2),Name\n1,2,3,4,5,6\n');
    expect(table.headers).toEqual(['Email', 'Name', 'email (3)', 'EMAIL (4)', 'Email (2)', 'Name (2)']);
    expect(table.notes).toEqual([
      'Three columns are called Email: the others are email (3) and EMAIL (4).',
      'Two columns are called Name: the second is Name (2).',
    ]);
    expect(parseTable('Email,Email\na,b\n').notes).toEqual(['Two columns are called Email: the second is Email (2).']);
  });

  it('drops an unnamed trailing column that holds nothing, as trailing delimiters make', () => {
    const table = parseTable('Email,Name,\nann@example.com,Ann,\nbo@example.com,Bo\n');
    expect(table.headers).toEqual(['Email', 'Name']);
    expect(table.rows).toEqual([
      ['ann@example.com', 'Ann'],
      ['bo@example.com', 'Bo'],
    ]);
    expect(table.notes).toEqual([]);
    expect(table.rowNotes.size).toBe(0);
  });
});

describe('parseTable: rows', () => {
  it('pads short rows and cuts long ones, with a note on each', () => {
    const text = 'Email,First,Last\na@example.com,Ann\nb@example.com,Bo,Lind,extra,more\nc@example.com,Cy,Ek,,\nd\n';
    const table = parseTable(text);
    expect(table.rows).toEqual([
      ['a@example.com', 'Ann', ''],
      ['b@example.com', 'Bo', 'Lind'],
      ['c@example.com', 'Cy', 'Ek'],
      ['d', '', ''],
    ]);
    expect(table.rowNotes).toEqual(
      new Map([
        [0, 'This row has 2 cells; the header has 3. The missing cells are left empty.'],
        [1, 'This row has 5 cells; the header has 3. The extra cells are not imported.'],
        [3, 'This row has 1 cell; the header has 3. The missing cells are left empty.'],
      ]),
    );
  });

  it('drops blank lines and rows of empty cells, and numbers notes by the rows kept', () => {
    const table = parseTable('\n\nEmail,Name\n\na@example.com,Ann\n , \n,,\n\r\nb@example.com\n\n');
    expect(table.headers).toEqual(['Email', 'Name']);
    expect(table.rows).toEqual([
      ['a@example.com', 'Ann'],
      ['b@example.com', ''],
    ]);
    expect([...table.rowNotes.keys()]).toEqual([1]);
  });

  it.each([
    ['', 'The file is empty.'],
    ['\ufeff\n \n\r\n', 'The file is empty.'],
    ['sep=;\n', 'The file is empty.'],
    ['Email,Name\n', 'The file has a header row but no contacts.'],
    ['Email,Name\n,\n\n', 'The file has a header row but no contacts.'],
  ])('refuses %j with a sentence', (text, message) => {
    expect(() => parseTable(text)).toThrow(new Error(message));
  });

  it('reads 100,000 rows of 12 columns, every row intact', () => {
    const headers = Array.from({ length: 12 }, (_, c) => `Field ${c + 1}`);
    const row = (r: number) =>
      headers.map((_, c) =>
        c === 0 ? `person${r}@example.com` : c === 5 ? `"Line one, ${r}\nline two"` : `r${r}c${c}`,
      );
    const lines = [headers.join(',')];
    for (let r = 0; r < 100_000; r++) lines.push(row(r).join(','));
    const table = parseTable(lines.join('\r\n') + '\r\n');

    expect(table.headers).toEqual(headers);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows.every((cells) => cells.length === 12)).toBe(true);
    expect(table.rowNotes.size).toBe(0);
    expect(table.rows[73_219]).toEqual(
      headers.map((_, c) =>
        c === 0 ? 'person73219@example.com' : c === 5 ? 'Line one, 73219\nline two' : `r73219c${c}`,
      ),
    );
    expect(table.rows.at(-1)![0]).toBe('person99999@example.com');
  });
});

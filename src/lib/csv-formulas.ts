/**
 * Cells a spreadsheet would run as a formula (=, +, @, or - before something that is not a
 * number) are written with a leading apostrophe, as spreadsheets themselves mark text; reading a
 * file back, that apostrophe is taken off again. A plain negative number is written as it is.
 */
export const FORMULA_START = /^(?:[=+@\t\r]|-(?![\d.,\s]*$))/;

const ESCAPED = /^'(?=[=+@\t\r-])/;

export const unescapeFormula = (cell: string) => cell.replace(ESCAPED, '');

/** Saving what the page made as a file. */

/** Offers a file to save; a byte-order mark lets spreadsheet programs read it as UTF-8. */
export function downloadCsv(name: string, parts: string | readonly string[]) {
  const url = URL.createObjectURL(
    new Blob(['\ufeff', ...(typeof parts === 'string' ? [parts] : parts)], { type: 'text/csv;charset=utf-8' }),
  );
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

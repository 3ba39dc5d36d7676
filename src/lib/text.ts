/** Case- and accent-blind form of a text, for matching what people type ("germ" ~ "Germany"). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

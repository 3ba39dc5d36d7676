import { describe, expect, it } from 'vitest';
import { optionProblems, splitOptionList } from '../../../../src/features/fields/options-rules.ts';

describe('optionProblems', () => {
  it('accepts distinct options', () => {
    expect(optionProblems(['Red', 'Blue', 'Green'])).toEqual([]);
  });

  it('refuses an empty option, a comma, and a repeat in any case, at that option', () => {
    expect(optionProblems(['Red', ' ', 'Blue, Green', 'red ', 'Blue'])).toEqual([
      { index: 1, message: 'Enter the option, or remove it.' },
      { index: 2, message: 'An option cannot contain a comma: CampaignLark separates options with commas.' },
      { index: 3, message: '“Red” is already an option.' },
    ]);
  });
});

describe('splitOptionList', () => {
  it('splits a pasted list on commas and lines, dropping blanks', () => {
    expect(splitOptionList('Red, Blue\nGreen\r\n\n, Violet ,')).toEqual(['Red', 'Blue', 'Green', 'Violet']);
  });
});

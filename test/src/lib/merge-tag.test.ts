import { describe, expect, it } from 'vitest';
import { suggestMergeTag } from '../../../src/lib/merge-tag.ts';

const none = new Set<string>();

describe('suggestMergeTag', () => {
  it.each([
    ['First Name', 'first_name'],
    ['Café Owner?', 'cafe_owner'],
    ['Straße', 'strasse'],
    ['  Ørsted  Wind ', 'orsted_wind'],
    ['Date of birth (for the card)', 'date_of_birth_fo'],
    ['A very long label that keeps going', 'a_very_long_labe'],
    ['Plan 2025', 'plan'],
    ['Phone — mobile', 'phone_mobile'],
    ['Q', 'field'],
    ['電話番号', 'field'],
    ['', 'field'],
  ])('"%s" → %s', (label, tag) => {
    const suggestion = suggestMergeTag(label, none);
    expect(suggestion).toBe(tag);
    expect(suggestion).toMatch(/^[a-z_]{2,16}$/);
  });

  it('never ends on an underscore when cut at 16', () => {
    expect(suggestMergeTag('Customer segment x', none)).toBe('customer_segment');
    expect(suggestMergeTag('Abcdefghijklmno pq', none)).toBe('abcdefghijklmno');
  });

  it('adds a letter suffix when the tag is taken, staying within 16', () => {
    expect(suggestMergeTag('Colour', new Set(['colour']))).toBe('colour_b');
    expect(suggestMergeTag('Colour', new Set(['colour', 'colour_b']))).toBe('colour_c');
    const long = suggestMergeTag('Favourite colour!', new Set(['favourite_colour']));
    expect(long).toBe('favourite_colo_b');
    expect(long.length).toBeLessThanOrEqual(16);
  });
});

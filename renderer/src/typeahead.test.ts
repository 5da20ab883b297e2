import { describe, expect, it } from 'vitest';
import { nextByLetter } from './typeahead';

const options = [
  { id: 'newest', label: 'Newest first' },
  { id: 'oldest', label: 'Oldest first' },
  { id: 'name', label: 'Name' },
  { id: 'other', label: 'Ölfarbe' },
] as const;

describe('nextByLetter', () => {
  it('chooses the next option starting with the letter, after the current one', () => {
    expect(nextByLetter(options, 'oldest', 'n')).toBe('name');
    expect(nextByLetter(options, 'name', 'N')).toBe('newest');
    expect(nextByLetter(options, 'newest', 'o')).toBe('oldest');
  });

  it('starts at the top when nothing is chosen, and keeps the choice when it is the only one', () => {
    expect(nextByLetter(options, undefined, 'n')).toBe('newest');
    expect(nextByLetter(options, 'oldest', 'o')).toBe('oldest');
  });

  it('reads letters beyond ASCII, and answers nothing when no label starts with the letter', () => {
    expect(nextByLetter(options, 'newest', 'ö')).toBe('other');
    expect(nextByLetter(options, 'newest', 'x')).toBeUndefined();
  });
});

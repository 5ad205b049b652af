/** Regex pieces built from the word lists of data/*.json. */

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words as a regex alternation, longest first, so that a phrase wins over a word it starts with. */
export const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

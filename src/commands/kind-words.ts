import { KINDS, type Kind } from '../domain/index.js';

/** The words users type for a kind, in every command (`/incidents`, `/subscribe`, `/unsubscribe`). */
export const KIND_WORDS: Readonly<Record<string, readonly Kind[]>> = {
  strike: ['strike'],
  strikes: ['strike'],
  attack: ['strike'],
  attacks: ['strike'],
  negotiation: ['negotiation'],
  negotiations: ['negotiation'],
  talks: ['negotiation'],
  both: KINDS,
};

/** The kinds a word names, or undefined when it names none. */
export function kindsOfWord(word: string): readonly Kind[] | undefined {
  return KIND_WORDS[word.trim().toLowerCase()];
}

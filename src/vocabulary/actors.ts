/**
 * Who fights. Regular-expression sources matched on folded, lower-case text; the strike rules
 * read them to tell a military attack from a labour dispute or an idiom.
 */

const alt = (...parts: string[]): string => parts.join('|');

/** Who fights: a strike word next to an armed actor is military, not a labour dispute. */
export const MILITARY_ACTOR = alt(
  'russian',
  'russians',
  'ukrainian',
  'enemy',
  'invaders?',
  'occupiers?',
  'occupants?',
  'rashists?',
  'troops',
  'forces',
  'army',
  'military',
  'afu',
  'air force',
  'air defen[cs]es?',
  'defenders',
  'navy',
  'aviation',
  'soldiers',
);

/**
 * States and armed groups named as the subject of an attack verb ("Ukraine struck an oil depot",
 * "Israel's military hit …"): an armed actor as much as "Russian forces" is.
 */
export const STATE_ACTOR = alt(
  'ukraine',
  'russia',
  'kyiv',
  'moscow',
  'israel',
  'iran',
  'tehran',
  'syria',
  'turkey',
  'india',
  'pakistan',
  'yemen',
  'sudan',
  'myanmar',
  'the us',
  'the u\\.s\\.',
  'the united states',
  'hamas',
  'hezbollah',
  'houthis?',
  'the houthis',
  'rsf',
  'idf',
  'the junta',
);

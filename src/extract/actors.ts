import { WEAPON_SOURCE } from '../vocabulary/weapons.js';

/**
 * The people and governments a war story names, as a small table of who is whose: the wire
 * names leaders and envoys far more often than countries ("Putin", "Witkoff", "the Kremlin").
 */
interface Actor {
  pattern: RegExp;
  name: string;
  country: string;
}

const actor = (source: string, name: string, country: string): Actor => ({ pattern: new RegExp(`\\b(${source})\\b`), name, country });

export const PEOPLE: readonly Actor[] = [
  actor('(vladimir )?putin', 'Vladimir Putin', 'RU'),
  actor('(sergei |sergey )?lavrov', 'Sergei Lavrov', 'RU'),
  actor('(dmitry )?peskov', 'Dmitry Peskov', 'RU'),
  actor('(dmitry )?medvedev', 'Dmitry Medvedev', 'RU'),
  actor('(vladimir )?medinsky', 'Vladimir Medinsky', 'RU'),
  actor('(yuri )?ushakov', 'Yuri Ushakov', 'RU'),
  actor('(kirill )?dmitriev', 'Kirill Dmitriev', 'RU'),
  actor('(volodymyr )?zelensk(y|yy|iy|yi|i)', 'Volodymyr Zelensky', 'UA'),
  actor('(dmytro )?kuleba', 'Dmytro Kuleba', 'UA'),
  actor('(andriy )?yermak', 'Andriy Yermak', 'UA'),
  actor('(mykhailo )?podol[yi]ak', 'Mykhailo Podolyak', 'UA'),
  actor('(rustem )?umerov', 'Rustem Umerov', 'UA'),
  actor('(andrii |andriy )?sybiha', 'Andrii Sybiha', 'UA'),
  actor('(donald )?trump', 'Donald Trump', 'US'),
  actor('(joe )?biden', 'Joe Biden', 'US'),
  actor('(antony )?blinken', 'Antony Blinken', 'US'),
  actor('(marco )?rubio', 'Marco Rubio', 'US'),
  actor('(steve )?witkoff', 'Steve Witkoff', 'US'),
  actor('(keith )?kellogg', 'Keith Kellogg', 'US'),
  actor('(recep tayyip )?erdogan', 'Recep Tayyip Erdogan', 'TR'),
  actor('(emmanuel )?macron', 'Emmanuel Macron', 'FR'),
  actor('(olaf )?scholz', 'Olaf Scholz', 'DE'),
  actor('(keir )?starmer', 'Keir Starmer', 'GB'),
  actor('xi jinping', 'Xi Jinping', 'CN'),
  actor('(antonio |antónio )?guterres', 'António Guterres', 'UN'),
  actor('(rafael )?grossi', 'Rafael Grossi', 'IAEA'),
];

/** Seats of government standing for their country ("the Kremlin said"). */
export const SEATS: readonly Actor[] = [
  actor('kremlin|moscow', 'Kremlin', 'RU'),
  actor('kyiv|kiev', 'Kyiv', 'UA'),
  actor('washington|white house', 'Washington', 'US'),
  actor('ankara', 'Ankara', 'TR'),
  actor('beijing', 'Beijing', 'CN'),
];

// Words after a side that make it the attacker: its forces, its weapons (src/vocabulary/weapons.ts), an attack verb.
const ATTACKING = `(forces|troops|army|military|invaders|occupiers|defenders|${WEAPON_SOURCE}|strik\\w+|attack\\w*|launch\\w*|fired|hit|struck)`;
const RU_ATTACKER = new RegExp(
  `\\b(russian|russia's|russia|rashists?|occupiers|occupants|invaders|kremlin)\\b(\\s+\\S+){0,3}?\\s+${ATTACKING}\\b|\\bby russia(n (forces|troops|army|military))?\\b`,
);
const UA_ATTACKER = new RegExp(
  `\\b(ukrainian|ukraine's|ukraine|afu|armed forces of ukraine)\\b(\\s+\\S+){0,3}?\\s+${ATTACKING}\\b|\\bby ukraine\\b`,
);

/** Who attacked, as a country code, from folded sentences that report an attack. */
export function findAttacker(sentences: readonly string[]): string | undefined {
  for (const text of sentences) {
    const ru = RU_ATTACKER.exec(text);
    const ua = UA_ATTACKER.exec(text);
    if (ru && (!ua || ru.index <= ua.index)) return 'RU';
    if (ua) return 'UA';
  }
  return undefined;
}

/**
 * Word lists behind the negotiation rules, from the labelling guide: diplomacy aimed at stopping
 * or limiting the fighting between the warring sides. Regular-expression sources on folded text.
 */

const alt = (...parts: string[]): string => parts.join('|');

const RU = '(the )?(russia|moscow|kremlin|putin)';
const UA = '(ukraine|kyiv|kiev|zelensk\\w*)';
const RU_LEADER = '(putin|russia|russian)';
const UA_LEADER = '(zelensk\\w*|ukraine|ukrainian)';
/**
 * A third party brokering something between the warring sides is mediation whatever the object
 * ("broker the grain arrangement between Moscow and Kyiv"); between allies it would name neither.
 */
const BROKERED_BETWEEN_SIDES = `(broker|mediat)\\w* (\\S+ ){0,8}?between (${RU} and ${UA}|${UA} and ${RU}|(the )?(two )?warring (sides|parties))`;

/** Cues that are about ending or limiting the fighting by themselves. */
export const SETTLEMENT_CUE = alt(
  'cease-?fires?',
  'truces?',
  'armistice',
  'moratori(um|a)',
  'peace (talks|negotiations?|process|deal|plan|agreement|accord|settlement|summit|formula|proposals?|initiative|conference|treaty|envoy|efforts?|framework|terms|push|bid|mission)',
  'peaceful settlement',
  'negotiating table',
  'de-?escalation (talks|agreement|deal)',
  'prisoners?[- ](swaps?|exchanges?)',
  '(swap|exchange)s? of (prisoners|bodies|pows|captives)',
  '(prisoners|pows|captives) (were |have been )?(swapped|exchanged)',
  '(swap|swaps|swapped|swapping|exchange|exchanged|exchanging|hand(s|ed)? over|handing over) (\\S+ ){0,3}?(prisoners|pows|captives|bodies|remains)',
  '(prisoners|pows|captives) (\\S+ ){0,3}?(swaps?|exchanges?)(?! of fire)',
  '(released|returned|freed|brought back) from (russian |ukrainian )?captivity',
  'freed (\\S+ ){0,2}?(ukrainian |russian )?(prisoners|pows|defenders|soldiers)',
  'all for all',
  'humanitarian (corridors?|pause)',
  'evacuation corridors?',
  'safe passage',
  'grain (deal|corridor|agreement|initiative|exports? deal)',
  'black sea (grain|initiative)',
  'minsk (agreements?|accords?|deal|protocols?|format)',
  'normandy format',
  'istanbul (talks|communiqu\\w*|round)',
  'mediat(or|ors|ion|e|ed|es|ing)',
  '(special|peace) envoys?',
  'iaea (mission|experts?)',
  '(security|safety|protection|demilitari[sz]ed) zone',
  '(return(ed|s)?|repatriat\\w+|handed over|hand over) (of )?(the )?bodies',
  '(demands?|ultimatum) to surrender|surrender (demands?|ultimatum)',
  '(cede|ceding|concede|conceding) (\\S+ ){0,3}territor\\w*',
  'territorial concessions?',
  BROKERED_BETWEEN_SIDES,
  // A summit of the two sides' leaders is settlement diplomacy even without "talks".
  `(${RU_LEADER}[- ]${UA_LEADER}|${UA_LEADER}[- ]${RU_LEADER}) (summit|meeting|talks)`,
  `(summit|meeting) (of|between) ${RU_LEADER} and ${UA_LEADER}`,
  `(summit|meeting) (of|between) ${UA_LEADER} and ${RU_LEADER}`,
  // A pause in attacks offered, demanded or turned down is a partial ceasefire; a pause merely
  // observed ("a lull in shelling") is not diplomacy, so a proposal word must govern it.
  '(propos\\w*|offer\\w*|call\\w* for|agree\\w*|demand\\w*|reject\\w*|accept\\w*|plan|initiative|deal) (\\S+ ){0,4}?(pause|halt|cessation|stop)( (in|to|of|on))? (\\S+ ){0,2}?(strikes|attacks|shelling|bombing|hostilities)',
);

/** Cues that need the other warring side in the sentence to be about the war. */
export const TALKS_CUE = alt('talks', 'negotiat\\w+', 'dialogue', 'negotiators?');

/** An end-of-war topic turns talks into settlement talks whoever takes part. */
export const END_OF_WAR =
  '(end|ending|stop|stopping|halt|halting|finish)\\w* (of |to )?(the |this )?(war|fighting|hostilities|conflict|bloodshed)';

/** The Russian side: support talks between Ukraine and its allies never name it. */
export const RUSSIA_SIDE = alt(
  'russia',
  "russia's",
  'russian (side|delegation|negotiators?|president|officials?|counterparts?|foreign minister|government|federation|leader\\w*|authorities)',
  'kremlin',
  'moscow',
  'putin\\w*',
  'lavrov',
  'peskov',
  'medinsky',
  'shoigu',
  'ushakov',
  'dmitriev',
  'l/dnr',
  '[ld]nr',
  '[ld]pr',
  'separatists?',
);

/** Both sides, for stories where one side speaks of talks with "them". */
/** A plan or offer to end the war is a settlement proposal whoever makes it. */
export const END_OF_WAR_PROPOSAL =
  '(proposals?|plan|offer|deal|terms|initiative|conditions)\\b.{0,60}\\b(end|ending) (of |to )?(the |this )?war|(end|ending) (of |to )?(the |this )?war\\b.{0,40}\\b(proposals?|plan|offer|deal|terms|initiative|conditions)';

/** Travel words: talks on a visit between allies are support, not settlement. */
export const VISIT = 'visit\\w*|trip|arriv\\w*|travel\\w*|tour';

/** Talks about these are not about stopping the fighting. */
export const UNRELATED_TOPIC = alt(
  'trade',
  'tariffs?',
  'imf',
  'international monetary fund',
  'debt',
  'loans?',
  'credit',
  'budget',
  'gas',
  'transit',
  'energy supply',
  'oil price',
  'visas?',
  'membership',
  'accession',
  'sanctions',
  'investment',
  'aid',
  'military (aid|assistance|support)',
  'weapons',
  'arms',
  'extradition',
  'climate',
  'fishing',
  'navigation',
  'sentenced persons',
  'cooperation',
  'partnership',
  'mandate',
  'funding',
  'reconstruction',
  'elections?',
);

/** Moratoriums on other things. */
export const OTHER_MORATORIUM =
  '(death penalty|execution|capital punishment|debt|payments?|loan|eviction|mortgage|export|import|drilling|fishing|hunting|mining|nuclear test\\w*)s? moratori(um|a)|' +
  'moratori(um|a) on (the )?(death penalty|executions?|capital punishment|debt|payments?|loans?|evictions?|mortgages?|exports?|imports?|drilling|fishing|hunting|mining|nuclear test\\w*)';

/** Evacuations count when arranged between the sides or through mediators. */
export const ARRANGED_EVACUATION =
  'evacuat\\w+ (\\S+ ){0,12}?(un|united nations|red cross|icrc|agreed|agreement|corridors?|convoys?)\\b|(un|united nations|red cross|icrc)\\b(\\S* ){0,8}?evacuat\\w+';

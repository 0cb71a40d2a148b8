import { severityPoints } from '../../src/extract/severity.js';
import { KINDS, type Analysis, type Evidence, type Facts, type StoryInput } from '../../src/domain/index.js';

/** `wirewatch explain` output: each label given or refused, with the rules and phrases behind it. */
export function explainAnalysis(story: StoryInput, analysis: Analysis): string {
  const lines = [`${story.id}: ${story.title}`];
  const alerted = analysis.kinds.length > 0;
  lines.push(`  verdict: ${alerted ? `alert as ${analysis.kinds.join(' + ')}` : 'no alert (neither strike nor negotiation)'}`);
  for (const kind of KINDS) {
    const given = analysis.kinds.includes(kind);
    const evidence = analysis.evidence.filter((e) => e.kind === kind);
    const score = analysis.scores?.[kind];
    const odds = score === undefined ? '' : ` (probability ${score.probability.toFixed(3)}, threshold ${score.threshold.toFixed(3)})`;
    lines.push(`  ${kind}: ${given ? 'YES' : 'no'}${odds}${!given && evidence.length === 0 ? ' — no cue for it in the text' : ''}`);
    for (const e of evidence) lines.push(`    ${describe(e)}`);
  }
  if (analysis.kinds.includes('strike')) {
    lines.push(`  regions: ${analysis.regions.map((r) => `${r.code} (${r.name})`).join(', ') || '—'}`);
    for (const e of analysis.evidence.filter((x) => x.kind === 'region')) lines.push(`    ${describe(e)}`);
    lines.push(`  severity: ${analysis.severity} (${severityPoints(analysis)} points)`);
  } else {
    lines.push(`  severity: ${analysis.severity}`);
  }
  lines.push(...describeFacts(analysis.facts).map((line) => `  ${line}`));
  return lines.join('\n');
}

function describe(e: Evidence): string {
  return `${e.polarity === 'for' ? '+' : '-'} ${e.rule}: "${e.phrase}"`;
}

function describeFacts(facts: Facts): string[] {
  const out: string[] = [];
  if (facts.weapons.length > 0) {
    const weapons = facts.weapons.map(
      (w) =>
        `${w.weapon}${w.count === undefined ? '' : ` ×${w.count}`}${w.intercepted === undefined ? '' : ` (${w.intercepted} intercepted)`}`,
    );
    out.push(`weapons: ${weapons.join(', ')}`);
  }
  const { killed, injured } = facts.casualties;
  // Only the figures the story gives: "0 killed" would claim nobody died when the text is silent.
  const tolls = [killed === undefined ? '' : `${killed} killed`, injured === undefined ? '' : `${injured} injured`].filter((t) => t !== '');
  if (tolls.length > 0) out.push(`casualties: ${tolls.join(', ')}`);
  if (facts.targets.length > 0) out.push(`targets: ${facts.targets.join(', ')}`);
  if (facts.attacker !== undefined) out.push(`attacker: ${facts.attacker}${facts.attacked === undefined ? '' : ` → ${facts.attacked}`}`);
  const n = facts.negotiation;
  if (n !== undefined) {
    out.push(
      `negotiation: parties ${n.parties.join(', ') || '—'}${n.venue === undefined ? '' : `; venue ${n.venue}`}${n.datePhrase === undefined ? '' : `; when "${n.datePhrase}"`}${n.status === undefined ? '' : `; status ${n.status}`}`,
    );
    if (n.people !== undefined) out.push(`  people: ${n.people.join(', ')}`);
    if (n.outcomes !== undefined) out.push(`  outcomes: ${n.outcomes.map((o) => `${o.topic} ${o.status}`).join('; ')}`);
  }
  return out;
}

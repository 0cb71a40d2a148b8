import { KINDS, type Evidence, type Kind } from '../../domain/index.js';
import type { Classifier, KindScore } from '../classifier.js';
import { calibrate, topContributions, type LoadedModel } from './linear-model.js';
import { pairedMargins, pairWeights } from './paired-weights.js';
import { extractStoryFeatures, FEATURE_SETS } from './story-features.js';
import { WirewatchError } from '../../errors.js';
import { detectNegotiationSignals } from '../negotiation-signals.js';
import { detectStrikeSignals } from '../strike-signals.js';
import type { Sentence } from '../text-units.js';
import type { RuleView, SparseVector } from './story-features.js';

// The guide's hard exclusions: a story whose only strike words are these senses is never a
// strike, whatever the n-grams say (a model can learn "strike" + "workers" the wrong way round).
const STRIKE_VETOES = new Set(['strike.not.hunger-strike', 'strike.not.labour-strike', 'strike.not.idiom', 'strike.not.lightning']);
const DRIVERS = 4;

export function createModelClassifier(model: LoadedModel, name = 'model'): Classifier {
  const set = FEATURE_SETS[model.featureSet];
  if (set === undefined) throw new WirewatchError('input_invalid', `model weights: unknown feature set ${model.featureSet}`);
  const paired = pairWeights(model);
  return {
    name,
    score({ sentences, rules }) {
      const windows = toWindows(sentences, rules).map((w) => extractStoryFeatures(w.sentences, w.rules, set, model.dimensionBits));
      const margins = windows.map((w) => pairedMargins(w, paired));
      const scores = {} as Record<Kind, KindScore>;
      const evidence: Evidence[] = [];
      for (const [slot, kind] of KINDS.entries()) {
        const m = model.kinds[kind];
        let x = windows[0] as SparseVector;
        let margin = margins[0]?.[slot] ?? 0;
        for (let k = 1; k < windows.length; k++) {
          const wm = margins[k]?.[slot] ?? 0;
          if (wm > margin) [x, margin] = [windows[k] as SparseVector, wm];
        }
        let probability = calibrate(margin, m.platt);
        const vetoed = kind === 'strike' && rules.sentences.strike.length === 0 && rules.evidence.some((e) => STRIKE_VETOES.has(e.rule));
        if (vetoed) probability = 0;
        scores[kind] = { probability, threshold: m.threshold };
        const given = probability >= m.threshold;
        // Explaining costs a sort: only for a label given, or refused narrowly.
        if (!given && probability < m.threshold / 2) continue;
        const verdict = `${probability.toFixed(3)} ${given ? '≥' : '<'} threshold ${m.threshold.toFixed(3)}${vetoed ? ' (vetoed)' : ''}`;
        evidence.push({ kind, polarity: given ? 'for' : 'against', rule: 'model.probability', phrase: verdict });
        for (const c of topContributions(x, paired.view(kind), DRIVERS))
          evidence.push({
            kind,
            polarity: c.contribution > 0 ? 'for' : 'against',
            rule: 'model.feature',
            phrase: `${describeFeature(c.name)} ${c.contribution > 0 ? '+' : ''}${c.contribution.toFixed(2)}`,
          });
      }
      return { scores, evidence };
    },
  };
}

// The model learned from wire items: a headline and one to three sentences. A longer story is
// scored as such items (the headline with three consecutive sentences, two apart) and each kind
// takes its best window, so a paragraph of talks is not drowned by five of shelling.
const WINDOW = 3;
const LONG_STORY = 1 + WINDOW + 1;

function toWindows(sentences: readonly Sentence[], rules: RuleView): { sentences: Sentence[]; rules: RuleView }[] {
  const whole = { sentences: [...sentences], rules };
  if (sentences.length < LONG_STORY || sentences[0]?.source !== 'title') return [whole];
  const out = [];
  for (let start = 1; start < sentences.length; start += WINDOW - 1) {
    const part = [sentences[0] as Sentence, ...sentences.slice(start, start + WINDOW)];
    const strike = detectStrikeSignals(part);
    const negotiation = detectNegotiationSignals(part);
    out.push({
      sentences: part,
      rules: {
        evidence: [...strike.evidence, ...negotiation.evidence],
        sentences: { strike: strike.sentences, negotiation: negotiation.sentences },
      },
    });
    if (start + WINDOW >= sentences.length) break;
  }
  return out;
}

const PREFIXES: Readonly<Record<string, string>> = {
  w: 'word',
  b: 'words',
  c: 'letters',
  t: 'headline word',
  n: 'negated word',
  r: 'rule',
  p: 'rule hit in',
};

/** `b:drone attack` → `words "drone attack"`: what a reader of `explain` can follow. */
function describeFeature(name: string): string {
  const colon = name.indexOf(':');
  const label = PREFIXES[name.slice(0, colon)] ?? 'feature';
  return `${label} "${name.slice(colon + 1)}"`;
}

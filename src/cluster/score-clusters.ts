import { toScore, type Score } from '../classify/evaluate.js';

/**
 * How well a partition of stories into incidents matches the true events. Pairwise: of the pairs
 * put together, how many are the same event (precision), and of the true pairs, how many were
 * put together (recall). B-cubed: the same per story, averaged, so a big event does not drown
 * the small ones. Per event, precision counts the pairs that touch one of its stories.
 */
export interface ClusterScore {
  stories: number;
  pairs: Score;
  bcubed: { precision: number; recall: number; f1: number };
}

export interface EventScore extends ClusterScore {
  event: string;
  /** Incidents the event's stories ended up in. */
  incidents: number;
}

export interface ClusterReport {
  overall: ClusterScore & { incidents: number };
  events: EventScore[];
  /** Stories of other events or distractors that share an incident with an event's story. */
  intruders: { event: string; story: string; intoEventOf: string }[];
}

export interface LabelledAssignment {
  id: string;
  /** The true event; distractors have one of their own each. */
  event: string;
  /** The incident it was put in. */
  incident: string;
}

export function scoreClusters(items: readonly LabelledAssignment[], isDistractor: (event: string) => boolean = () => false): ClusterReport {
  const events = [...new Set(items.map((i) => i.event))].filter((e) => !isDistractor(e));
  const overall = { ...scoreSubset(items, () => true), incidents: new Set(items.map((i) => i.incident)).size };
  const perEvent = events.map((event) => {
    const members = items.filter((i) => i.event === event);
    return {
      event,
      incidents: new Set(members.map((m) => m.incident)).size,
      ...scoreSubset(items, (i) => i.event === event),
    };
  });
  const intruders: ClusterReport['intruders'] = [];
  for (const item of items) {
    const host = items.find((o) => o.incident === item.incident && o.event !== item.event && !isDistractor(o.event));
    if (host) intruders.push({ event: item.event, story: item.id, intoEventOf: host.event });
  }
  return { overall, events: perEvent, intruders };
}

/** Scores the pairs and stories that touch `focus` (every item for the overall figure). */
function scoreSubset(items: readonly LabelledAssignment[], focus: (item: LabelledAssignment) => boolean): ClusterScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (!focus(a) && !focus(b)) continue;
      const together = a.incident === b.incident;
      const same = a.event === b.event;
      if (together && same) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  let precision = 0;
  let recall = 0;
  const focused = items.filter(focus);
  for (const item of focused) {
    const cluster = items.filter((o) => o.incident === item.incident);
    const event = items.filter((o) => o.event === item.event);
    const correct = cluster.filter((o) => o.event === item.event).length;
    precision += correct / cluster.length;
    recall += correct / event.length;
  }
  precision = focused.length === 0 ? 1 : precision / focused.length;
  recall = focused.length === 0 ? 1 : recall / focused.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { stories: focused.length, pairs: toScore(tp, fp, fn), bcubed: { precision, recall, f1 } };
}

/**
 * Pairwise clustering precision and recall: over every pair of items, how many pairs put
 * together are truly the same event (precision), and how many true pairs were put together (recall).
 */
export function scorePairwise(predicted: readonly string[], truth: readonly string[]): { precision: number; recall: number; f1: number } {
  let together = 0;
  let correct = 0;
  let trulyTogether = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const samePredicted = predicted[i] === predicted[j];
      const sameTruth = truth[i] === truth[j];
      if (samePredicted) together++;
      if (sameTruth) trulyTogether++;
      if (samePredicted && sameTruth) correct++;
    }
  }
  const precision = together === 0 ? 1 : correct / together;
  const recall = trulyTogether === 0 ? 1 : correct / trulyTogether;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

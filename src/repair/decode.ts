/**
 * Beam search over the candidate lattice of one segment (a sentence or a
 * run of wrapped lines): each position offers candidates with a channel
 * cost, the n-gram model scores the sequence, and hypotheses in the same
 * model state are merged (their futures are equal).
 */
import type { LanguageModel, State } from './lm.ts';

export interface Candidate {
  /** Lowercase spelling, the caller restores the input's case; null keeps the token as written. */
  form: string | null;
  /** `form` is written as it is (a corrected code or abbreviation), not recased. */
  literal?: boolean;
  /** Model vocabulary id (`<unk>` for words the model does not know). */
  id: number;
  /** log10 P(observed | this candidate). */
  cost: number;
}

export interface Choice {
  /** Index of the chosen candidate at each position. */
  best: number[];
  /** For positions with more than one candidate, log10 scores of each candidate with its neighbours fixed. */
  local: (Float64Array | null)[];
}

/** log10 distance below the best hypothesis beyond which a new one is dropped at once. */
const MARGIN = 4;

interface Hyp {
  score: number;
  state: State;
  cand: number;
  back: number;
}

export function decode(lattice: Candidate[][], model: LanguageModel, beam: number): Choice {
  const steps: Hyp[][] = [];
  let hyps: Hyp[] = [{ score: 0, state: model.start(), cand: -1, back: -1 }];
  const merged = new Map<number, number>();
  const width = model.order - 1;
  const scratch = new Int32Array(width);
  for (const cands of lattice) {
    const next: Hyp[] = [];
    merged.clear();
    let top = -Infinity;
    for (let h = 0; h < hyps.length; h++) {
      const hyp = hyps[h];
      for (let c = 0; c < cands.length; c++) {
        const cand = cands[c];
        const score = hyp.score + model.score(hyp.state, cand.id, scratch) + cand.cost;
        // Far below the best so far: it cannot come back within the beam.
        if (score < top - MARGIN) continue;
        if (score > top) top = score;
        // Hypotheses in the same model state have the same future: keep the better one.
        // The longest known context names the state (it fixes the shorter ones).
        let k = width - 1;
        while (scratch[k] < 0) k--;
        const key = k * 2 ** 32 + scratch[k];
        const seen = merged.get(key);
        if (seen !== undefined && next[seen].score >= score) continue;
        const item = { score, state: scratch.slice(), cand: c, back: h };
        if (seen !== undefined) next[seen] = item;
        else {
          merged.set(key, next.length);
          next.push(item);
        }
      }
    }
    next.sort((x, y) => y.score - x.score);
    if (next.length > beam) next.length = beam;
    steps.push(next);
    hyps = next;
  }
  let bestEnd = 0;
  let bestScore = -Infinity;
  hyps.forEach((hyp, h) => {
    const score = hyp.score + model.score(hyp.state, model.eos, scratch);
    if (score > bestScore) {
      bestScore = score;
      bestEnd = h;
    }
  });
  const best = new Array<number>(lattice.length);
  for (let i = lattice.length - 1, h = bestEnd; i >= 0; i--) {
    const hyp = steps[i][h];
    best[i] = hyp.cand;
    h = hyp.back;
  }
  return { best, local: localScores(lattice, best, model) };
}

/** Each candidate scored against the chosen neighbours: the n-grams it takes part in plus its cost. */
function localScores(lattice: Candidate[][], best: number[], model: LanguageModel): (Float64Array | null)[] {
  const ids = best.map((c, i) => lattice[i][c].id);
  const span = model.order - 1;
  const a = model.start();
  const b = model.start();
  return lattice.map((cands, i) => {
    if (cands.length < 2) return null;
    const scores = new Float64Array(cands.length);
    // The state before position i, rebuilt from at most `span` chosen words.
    const from = Math.max(0, i - span);
    const before = model.start();
    if (from > 0) before.fill(-1);
    for (let j = from; j < i; j++) {
      model.score(before, ids[j], a);
      before.set(a);
    }
    cands.forEach((cand, c) => {
      let s = cand.cost + model.score(before, cand.id, a);
      for (let j = i + 1; j <= Math.min(ids.length, i + span); j++) {
        s += model.score(a, j < ids.length ? ids[j] : model.eos, b);
        a.set(b);
      }
      scores[c] = s;
    });
    return scores;
  });
}

/**
 * Scoring a diff against a golden diff. Each change is read as links between
 * task keys, every old × every new (a dropped task links to nothing, an added
 * one from nothing), and each link carries its change's types. Pair F1 is over
 * links; change-type F1 over (link, type), also given per type.
 */
import { prf, type PRF } from '../eval/score.ts';
import { CHANGE_TYPES, type ChangeType, type DiffResult, type GoldenDiff } from './schema.ts';

export interface DiffScores {
  pairs: PRF;
  types: PRF;
  perType: Record<ChangeType, PRF>;
}

type Labelled = { old: string[]; new: string[]; types: ChangeType[] };

function links(changes: Labelled[]): Map<string, ChangeType[]> {
  const out = new Map<string, ChangeType[]>();
  for (const c of changes) {
    const olds = c.old.length ? c.old : [''];
    const news = c.new.length ? c.new : [''];
    for (const o of olds) for (const n of news) out.set(`${o} -> ${n}`, c.types);
  }
  return out;
}

const predictedLinks = (result: DiffResult) =>
  links(result.changes.map((c) => ({ old: c.old.map((t) => t.key), new: c.new.map((t) => t.key), types: c.types })));

export function scoreDiff(result: DiffResult, golden: GoldenDiff): DiffScores {
  const predicted = predictedLinks(result);
  const gold = links(golden.changes);
  const right = [...predicted.keys()].filter((k) => gold.has(k)).length;

  const triples = (m: Map<string, ChangeType[]>, only?: ChangeType) =>
    new Set([...m].flatMap(([link, types]) => types.filter((t) => !only || t === only).map((t) => `${link} ${t}`)));
  const typeScore = (only?: ChangeType): PRF => {
    const p = triples(predicted, only);
    const g = triples(gold, only);
    return prf([...p].filter((x) => g.has(x)).length, p.size, g.size);
  };
  return {
    pairs: prf(right, predicted.size, gold.size),
    types: typeScore(),
    perType: Object.fromEntries(CHANGE_TYPES.map((t) => [t, typeScore(t)])) as Record<ChangeType, PRF>,
  };
}

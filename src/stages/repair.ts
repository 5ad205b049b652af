/**
 * repair: restores lost diacritics and OCR damage (src/repair/) when the text
 * needs it, keeping the offset map; every token the model is unsure of
 * becomes a message with its candidates.
 */
import { applyRewrite, type Doc } from '../doc/model.ts';
import { assessText, loadModel, repairText, type LanguageModel } from '../repair/index.ts';

export interface RepairStageOptions {
  /** `auto` repairs only text that lost its marks or reads as OCR. @default 'auto' */
  readonly when?: 'auto' | 'always' | 'never';
  /** @default the committed model */
  readonly model?: LanguageModel;
}

export function repair(doc: Doc, options: RepairStageOptions = {}): Doc {
  const when = options.when ?? 'auto';
  if (when === 'never') return doc;
  const assessment = assessText(doc.text);
  // What OCR read always goes through repair; typed text only when it lost its marks.
  const ocr = doc.format.endsWith('-ocr');
  if (when === 'auto' && !assessment.needsRepair && !ocr) return doc;
  const result = repairText(doc.text, options.model ?? loadModel());
  const out = applyRewrite(doc, result.text, result.toInput);
  out.messages.push({ reason: `text repaired (${ocr ? 'read by OCR' : assessment.reason})`, severity: 'info', ruleId: 'repair:applied', start: 0, end: 0 });
  for (const flag of result.flags) {
    out.messages.push({
      reason: `unsure of "${flag.chosen}" for "${flag.original}" (p=${flag.confidence.toFixed(2)})`,
      severity: 'warning',
      ruleId: 'repair:unsure',
      start: flag.start,
      end: flag.end,
      actual: flag.original,
      expected: flag.candidates.map((c) => c.text),
    });
  }
  return { ...out, repaired: true };
}

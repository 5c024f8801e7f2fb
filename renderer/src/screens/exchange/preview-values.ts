type PreviewFormat = {
  /** A stage code in the reader's words. */
  readonly stage: (code: string) => string;
  /** An ISO instant in the reader's locale. */
  readonly dateTime: (iso: string) => string;
  /** A recognition outcome code in the reader's words. */
  readonly recognitionOutcome: (code: string) => string;
  /** A redress decision's outcome code (upheld, modified, quashed) in the reader's words. */
  readonly decision: (code: string) => string;
  /** A remedy code in the reader's words. */
  readonly remedy: (code: string) => string;
  /** A bundle kind code in the reader's words. */
  readonly kind: (code: string) => string;
};

/**
 * The values of an import preview line as a reader sees them: codes (stage, outcomes, remedy, bundle kind) in words
 * and a due instant in the locale. Other values stay as the plan gave them (a procedure already by its title).
 */
export function previewValues(
  values: Readonly<Record<string, string | number>> | undefined,
  format: PreviewFormat,
): Record<string, string> {
  const out: Record<string, string> = {};
  const text = (key: string) => (values?.[key] === undefined ? null : String(values[key]));
  const stage = text('stage');
  if (stage) out['stage'] = format.stage(stage);
  const due = text('due');
  if (due && !Number.isNaN(Date.parse(due)) && due.includes('T')) out['due'] = format.dateTime(due);
  const outcome = text('outcome');
  if (outcome) out['outcome'] = format.recognitionOutcome(outcome);
  const decision = text('decision');
  if (decision) out['decision'] = format.decision(decision);
  const remedy = text('remedy');
  if (remedy) out['remedy'] = format.remedy(remedy);
  const kind = text('kind');
  if (kind) out['kind'] = format.kind(kind);
  return out;
}

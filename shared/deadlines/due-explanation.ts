/**
 * Why a due date is what it is, one structured line per reason: the engine records them, the interface words them
 * in its language (dates formatted, holiday names in that language where the source has them), and `englishNote`
 * gives the English sentence for logs and tests.
 */
export type DueExplanation =
  | { readonly kind: 'clock-stopped' }
  | { readonly kind: 'time-added-back'; readonly hours: number }
  /** Art. 3(4): the end fell on `from` (a weekend day, or the holiday named), so it moved to `to`. */
  | { readonly kind: 'rolled'; readonly from: string; readonly to: string; readonly holiday: string | null }
  /** Art. 3(5): moved to `to` so that the period includes two working days. */
  | { readonly kind: 'two-working-days'; readonly to: string }
  /** The holiday data used, or that only weekends were known for the jurisdiction. */
  | { readonly kind: 'working-days'; readonly source: string; readonly known: boolean; readonly jurisdiction: string };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "Fri 2026-05-01" for a civil date written YYYY-MM-DD. */
function day(iso: string): string {
  const weekday = WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${iso}`;
}

export function englishNote(explanation: DueExplanation): string {
  switch (explanation.kind) {
    case 'clock-stopped':
      return 'The clock is stopped; the due date is set when it restarts.';
    case 'time-added-back':
      return `The clock was stopped for ${explanation.hours.toFixed(1)} hours; that time was added back.`;
    case 'rolled': {
      const why = explanation.holiday === null ? 'a weekend day' : `a public holiday (${explanation.holiday})`;
      return `${day(explanation.from)} is ${why}; the period ends on the next working day, ${day(explanation.to)} (Reg. 1182/71 Art. 3(4)).`;
    }
    case 'two-working-days':
      return `A period of two days or more includes at least two working days (Reg. 1182/71 Art. 3(5)); it ends on ${explanation.to}.`;
    case 'working-days':
      return explanation.known
        ? `Working days: weekends and public holidays (${explanation.source}).`
        : `Working days: weekends only — public holidays of ${explanation.jurisdiction} are not known, so this date may be early.`;
  }
}

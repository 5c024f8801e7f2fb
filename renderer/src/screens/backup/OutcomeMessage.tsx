export type Outcome = { readonly ok: boolean; readonly text: string } | null;

/** A finished step: a polite status when it went well, an alert when it did not. */
export function OutcomeMessage({ outcome, testId }: { readonly outcome: Outcome; readonly testId: string }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'success' : 'error'} data-testid={testId}>
      {outcome.text}
    </p>
  );
}

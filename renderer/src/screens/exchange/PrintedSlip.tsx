import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useSavePdf } from '../notices/useSavePdf';

/**
 * A slip shown on screen with a print copy under <body> (like notices), so the shell's print-to-PDF gives the slip
 * alone, and the button that saves it as a PDF. `document(headingId)` renders the slip; the print copy gets none.
 */
export function PrintedSlip({
  document: slip,
  headingId,
  testId,
  fileName,
  printLabel,
}: {
  readonly document: (headingId?: string) => ReactNode;
  readonly headingId: string;
  readonly testId: string;
  readonly fileName: string;
  readonly printLabel: string;
}) {
  const { busy, outcome, save } = useSavePdf();
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={testId}>
      {slip(headingId)}
      {createPortal(
        <div className="print-root" aria-hidden="true">
          {slip()}
        </div>,
        document.body,
      )}
      <button type="button" className="button no-print" disabled={busy} onClick={() => void save(fileName)}>
        {printLabel}
      </button>
      {outcome ? (
        <p role="status" className={outcome.ok ? 'hint' : 'error'}>
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}

import { createPortal } from 'react-dom';
import type { PrintableDocument } from '@shared/notices/notice-document';
import { PrintableDocumentView } from './PrintableDocumentView';

/**
 * The copy of a document that prints. It sits directly under <body>, outside the app, so the print stylesheet can
 * drop the whole app (display: none, not just hidden) and the PDF holds the letter alone, with no blank pages.
 * Mount one at a time: the open notice or decision letter.
 */
export function PrintPortal({
  document: printable,
  label,
}: {
  readonly document: PrintableDocument;
  readonly label: string;
}) {
  return createPortal(
    <div className="print-root" aria-hidden="true">
      <PrintableDocumentView document={printable} label={label} />
    </div>,
    document.body,
  );
}

import type { PrintableDocument } from '@shared/notices/notice-document';

/**
 * A notice or decision letter as it prints: fields, the salutation as its own paragraph, the body, the closing
 * formula and the signature. The print stylesheet hides everything but `.print-document`, so the
 * shell's print-to-PDF produces the letter alone.
 */
export function PrintableDocumentView({
  document,
  label,
}: {
  readonly document: PrintableDocument;
  readonly label: string;
}) {
  return (
    <article className="print-document" lang={document.language} aria-label={label}>
      <h2 className="print-document__title">{document.title}</h2>
      <dl className="print-document__fields">
        {document.fields.map((field) => (
          <div key={field.label} className="print-document__field">
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
      <p className="print-document__salutation">{document.salutation}</p>
      {document.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
          {section.list ? (
            <ul>
              {section.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <p className="print-document__closing">{document.closing}</p>
      <p className="print-document__signature">{document.signature}</p>
    </article>
  );
}

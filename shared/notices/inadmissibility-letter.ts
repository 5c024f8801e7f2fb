import type { Case } from '../domain/case';
import { inadmissibleOn } from '../workflow/steps/inadmissible-step';
import { originalFreeText } from './free-text';
import type { DocumentOptions, NoticeProblem, PrintableDocument } from './notice-document';
import { formatDocumentDate, jurisdictionName, printedParagraphs, senderFields, signatureOf } from './notice-document';
import { fill, NOTICE_TEXTS } from './notice-texts';

/**
 * The letter telling a complainant that their complaint was declared inadmissible: the reference, the decision, the
 * conditions it does not meet (each question answered "no", in words), the caseworker's reasons as written, and the
 * right to a judicial remedy against the decision (GDPR Art. 78(1), before the courts of the office's State, 78(3)).
 */
export function buildInadmissibilityLetter(
  c: Case,
  personId: string,
  options: DocumentOptions,
): PrintableDocument | NoticeProblem {
  if (c.closure?.reason !== 'inadmissible')
    return { code: 'not-inadmissible', message: 'the complaint has not been declared inadmissible' };
  const person = c.affectedPeople.find((p) => p.id === personId);
  if (!person) return { code: 'unknown-person', message: `complainant "${personId}" is not on this case` };
  const { language, officeName, timeZone } = options;
  const t = NOTICE_TEXTS[language];
  const letter = t.inadmissibility;
  const decidedOn = formatDocumentDate(c.closure.at, language, timeZone);
  return {
    language,
    title: letter.title,
    fields: [
      { label: t.fields.reference, value: c.references.local },
      { label: t.fields.date, value: formatDocumentDate(options.at, language, timeZone) },
      ...senderFields(options),
      { label: t.fields.to, value: `${person.name}, ${person.contactForNotice}` },
      { label: t.fields.outcome, value: letter.decision },
      { label: t.fields.decidedOn, value: decidedOn },
    ],
    salutation: fill(t.salutation, { name: person.name }),
    sections: [
      {
        heading: t.headings.decision,
        paragraphs: [fill(letter.opening, { office: officeName, reference: c.references.local, date: decidedOn })],
      },
      {
        heading: letter.headings.grounds,
        paragraphs: [letter.groundsIntro],
        list: inadmissibleOn(c).map((question) => letter.questions[question]),
      },
      // The reasons the caseworker wrote when declaring it (kept as the closure's note).
      { heading: t.headings.reasons, paragraphs: printedParagraphs(originalFreeText(c, c.closure.note, language)) },
      {
        heading: letter.headings.remedy,
        paragraphs: [
          fill(letter.remedy, { state: jurisdictionName(c.originatingJurisdiction, language) }),
          letter.newComplaint,
        ],
      },
    ],
    closing: t.closings.decision,
    signature: signatureOf(options),
  };
}

import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { buildInadmissibilityLetter } from '@shared/notices/inadmissibility-letter';
import { fill, NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { isNoticeProblem, type PrintableDocument } from '@shared/notices/notice-document';
import { citizenLabel } from '@shared/vocab/vocabulary';
import { caseViolations } from '@shared/workflow/case-invariants';
import { requiredNow } from '@shared/workflow/required-now';
import { workflowMessage } from '@shared/workflow/workflow-message';
import {
  ADMISSIBLE,
  alice,
  apply,
  completeDraftChanges,
  makeContext,
  open,
  refused,
} from '../workflow/workflow-fixtures';

const REASONS = 'A court in Lyon is hearing the same matter between the same parties.';

/** A complaint answered "no" on two questions, declared inadmissible with its reasons (written in English). */
function inadmissibleComplaint() {
  const { context, clock } = makeContext('2026-04-01T09:00:00Z');
  let t = open('rights-complaint', context);
  const changes = {
    ...completeDraftChanges('rights-complaint', clock),
    admissibility: { ...ADMISSIBLE, competent: 'no' as const, notDecidedElsewhere: 'no' as const, reasons: REASONS },
  };
  t = apply(t, alice, { type: 'update-draft', changes }, context);
  t = apply(t, alice, { type: 'declare-inadmissible' }, context);
  return { t, context, clock };
}

const options = (language: Language) => ({
  language,
  officeName: 'Bureau of Quiet Harbours',
  at: '2026-04-02T10:00:00Z',
  timeZone: 'Europe/Berlin',
  signer: 'Alice Adler',
});

const text = (doc: PrintableDocument) =>
  [
    doc.title,
    ...doc.fields.flatMap((f) => [f.label, f.value]),
    doc.salutation,
    ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.list ?? [])]),
    doc.closing,
    doc.signature,
  ].join('\n');

describe('the letter telling a complainant their complaint is inadmissible', () => {
  it.each(LANGUAGES)(
    'in %s states the reference, the decision, the grounds, the reasons and the remedy',
    (language) => {
      const { t } = inadmissibleComplaint();
      const doc = buildInadmissibilityLetter(t.case, 'p1', options(language));
      if (isNoticeProblem(doc)) throw new Error(doc.message);
      const words = NOTICE_TEXTS[language].inadmissibility;
      const all = text(doc);
      expect(doc.language).toBe(language);
      expect(doc.title).toBe(words.title);
      expect(doc.fields).toContainEqual({ label: NOTICE_TEXTS[language].fields.reference, value: 'DE-BFDI-2026-0042' });
      expect(all).toContain(words.decision);
      expect(all).toContain('Person One, p1@example.org');
      // The questions answered "no", in words, in form order; the others are not named.
      const grounds = doc.sections.find((s) => s.heading === words.headings.grounds);
      expect(grounds?.list).toEqual([words.questions.competent, words.questions.notDecidedElsewhere]);
      expect(all).not.toContain(words.questions.inTime);
      // The caseworker's reasons as written: in another language, under the visible "not translated" marker.
      const reasons = doc.sections.find((s) => s.heading === NOTICE_TEXTS[language].headings.reasons);
      expect(reasons?.paragraphs.at(-1)).toBe(REASONS);
      expect(reasons?.paragraphs).toHaveLength(language === 'en' ? 1 : 2);
      // The remedy: GDPR Art. 78(1), before the courts of the office's own State (Art. 78(3)).
      expect(all).toContain(fill(words.remedy, { state: citizenLabel('jurisdictions', 'DE', language) }));
      expect(words.remedy).toMatch(/78/);
      expect(all).toContain('Alice Adler');
      expect(all).not.toMatch(/\{\w+\}/);
    },
  );

  it('is refused for a case not declared inadmissible and for someone not on it', () => {
    const { context, clock } = makeContext();
    const draft = apply(
      open('rights-complaint', context),
      alice,
      { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) },
      context,
    );
    expect(buildInadmissibilityLetter(draft.case, 'p1', options('en'))).toMatchObject({ code: 'not-inadmissible' });
    const { t } = inadmissibleComplaint();
    expect(buildInadmissibilityLetter(t.case, 'nobody', options('en'))).toMatchObject({ code: 'unknown-person' });
  });
});

describe('telling the complainant is a to-do until the letter is recorded as sent', () => {
  it('keeps "tell the complainant" per complainant, and recording the letter ends it, audited, still closed', () => {
    const { t, context, clock } = inadmissibleComplaint();
    const todo = (c: typeof t.case) => requiredNow(c, clock.ms, context.settings).items.map((i) => i.message);
    expect(todo(t.case)).toEqual([
      workflowMessage('tell-complainant-inadmissible', { n: 1 }),
      workflowMessage('tell-complainant-inadmissible', { n: 2 }),
      expect.anything(),
    ]);
    let told = apply(t, alice, { type: 'issue-notice', personId: 'p1', method: 'post', language: 'fr' }, context);
    expect(told.case.stage).toBe('closed');
    expect(told.case.affectedPeople[0]?.notice).toMatchObject({ state: 'issued', method: 'post', language: 'fr' });
    expect(told.events.at(-1)).toMatchObject({ action: 'issue-notice', fromStage: 'closed', toStage: 'closed' });
    expect(todo(told.case)).not.toContainEqual(workflowMessage('tell-complainant-inadmissible', { n: 1 }));
    told = apply(told, alice, { type: 'issue-notice', personId: 'p2', method: 'email', language: 'en' }, context);
    expect(todo(told.case).filter((m) => m.code === 'tell-complainant-inadmissible')).toEqual([]);
    expect(caseViolations(told.case)).toEqual([]);
  });

  it('records no notice on a complaint that was admitted or is still a draft', () => {
    const { context, clock } = makeContext();
    let t = apply(
      open('rights-complaint', context),
      alice,
      { type: 'update-draft', changes: completeDraftChanges('rights-complaint', clock) },
      context,
    );
    const notice = { type: 'issue-notice', personId: 'p1', method: 'post', language: 'en' } as const;
    expect(refused(t, alice, notice, context).code).toBe('wrong-stage');
    t = apply(t, alice, { type: 'authorise' }, context);
    expect(refused(t, alice, notice, context).code).toBe('wrong-stage');
  });
});

import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '@shared/domain/case-stage';
import { startDeadline, recomputeDue } from '@shared/deadlines/tracked-deadline';
import {
  DEFAULT_PROCEDURE,
  findProcedureTemplate,
  openedOnDate,
  periodForPurpose,
  PROCEDURE_TEMPLATES,
  proceduresFor,
} from '@shared/procedures/procedure-registry';
import { defaultLegalBasisFor, procedureTemplateSchema } from '@shared/procedures/procedure-template';
import { VOCABULARIES } from '@shared/vocab/vocabulary';

const find = (id: string) => {
  const template = PROCEDURE_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  return template;
};

const period = (templateId: string, periodId: string) => {
  const found = find(templateId).periods.find((p) => p.id === periodId);
  if (!found) throw new Error(`no period ${templateId}/${periodId}`);
  return found;
};

/** Starts a period of a template at an instant on a jurisdiction's clock and returns its due instant. */
function dueOf(
  templateId: string,
  periodId: string,
  startedAt: string,
  clock = { jurisdiction: 'DE', timeZone: 'Europe/Berlin' },
  emergency = false,
) {
  const started = startDeadline({
    id: 'd',
    template: find(templateId),
    period: period(templateId, periodId),
    startedAt,
    emergency,
    clock,
  });
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

describe('procedure templates', () => {
  it('ships the required procedures, each period citing an article (or saying what is unverified)', () => {
    expect(PROCEDURE_TEMPLATES.map((t) => t.id).sort()).toEqual([
      'eio-art12-recognition-execution',
      'epo-2023-1543-preservation-order',
      'epo-2023-1543-production-order',
      'gdpr-2025-2518-cross-border-enforcement',
      'gdpr-art12-data-subject-request',
      'gdpr-art56-local-case',
      'gdpr-art60-draft-decision',
      'gdpr-art61-mutual-assistance',
      'gdpr-art66-urgency-procedure',
      'generic-notice-challenge-decision',
    ]);
    for (const template of PROCEDURE_TEMPLATES) {
      expect(procedureTemplateSchema.safeParse(template).success, template.id).toBe(true);
      for (const p of template.periods) {
        const where = `${template.id}/${p.id}`;
        if (template.id === 'generic-notice-challenge-decision') expect(p.source, where).toMatch(/agreement/);
        else expect(p.source, where).toMatch(/Art\. \d+(\(\d+\))?|article and paragraph unverified/);
        if (p.extension) expect(p.extension.source, where).toMatch(/Art\. \d+|unverified|agreement/);
      }
    }
  });

  it('marks every Regulation 2025/2518 period whose article was not confirmed from the text as unverified', () => {
    const own = find('gdpr-2025-2518-cross-border-enforcement').periods.filter((p) =>
      p.source.startsWith('Regulation (EU) 2025/2518'),
    );
    expect(own.map((p) => p.id)).toEqual(['complaint-transmission', 'investigation', 'simple-cooperation']);
    for (const p of own) expect(p.source).toMatch(/unverified/);
  });

  it('says the e-evidence weekend roll is undecided instead of pretending', () => {
    for (const p of [
      ...find('epo-2023-1543-production-order').periods,
      ...find('epo-2023-1543-preservation-order').periods,
    ]) {
      expect(p.rollForward).toBe(false);
      expect(p.source).toMatch(/undecided \(unverified\)/);
    }
  });

  it('states the figures of the legal texts', () => {
    const summary = (id: string) =>
      find(id).periods.map((p) => [
        p.id,
        p.startEvent,
        p.duration.amount,
        p.duration.unit,
        p.emergencyDuration?.amount ?? null,
        p.extension?.duration.amount ?? null,
        p.extension?.maxCount ?? null,
        p.lapse.outcome,
      ]);
    expect(summary('gdpr-art61-mutual-assistance')).toEqual([
      ['reply', 'receipt', 1, 'calendar-months', null, null, null, 'provisional-measures-allowed'],
    ]);
    expect(summary('gdpr-art60-draft-decision').slice(0, 2)).toEqual([
      ['objections', 'consultation', 4, 'weeks', null, null, null, 'deemed-agreement'],
      ['revised-objections', 'consultation', 2, 'weeks', null, null, null, 'deemed-agreement'],
    ]);
    expect(summary('gdpr-art56-local-case')).toEqual([
      ['lead-authority-decides', 'receipt', 3, 'weeks', null, null, null, 'overdue'],
    ]);
    expect(summary('gdpr-art12-data-subject-request')).toEqual([
      ['controller-replies', 'receipt', 1, 'calendar-months', null, 2, 1, 'overdue'],
    ]);
    expect(summary('gdpr-art66-urgency-procedure')).toEqual([
      ['provisional-measure-validity', 'adoption', 3, 'calendar-months', null, null, null, 'overdue'],
      ['board-urgent-decision', 'referral', 2, 'weeks', null, null, null, 'overdue'],
    ]);
    expect(summary('eio-art12-recognition-execution')).toEqual([
      ['recognition', 'receipt', 30, 'calendar-days', null, 30, 1, 'overdue'],
      // Art. 12(6) sets no cap: reasons and consultation instead.
      ['execution', 'decision', 90, 'calendar-days', null, 30, null, 'overdue'],
      ['provisional-measure', 'receipt', 24, 'hours', null, null, null, 'overdue'],
    ]);
    expect(summary('epo-2023-1543-production-order')).toEqual([
      ['provider-delivers', 'receipt', 10, 'calendar-days', 8, null, null, 'overdue'],
      ['enforcing-state-grounds', 'notification', 10, 'calendar-days', 96, null, null, 'no-grounds-raised'],
    ]);
    expect(summary('epo-2023-1543-preservation-order')).toEqual([
      ['preservation', 'receipt', 60, 'calendar-days', null, 30, 1, 'preservation-ends'],
    ]);
    expect(summary('gdpr-2025-2518-cross-border-enforcement').slice(0, 3)).toEqual([
      ['complaint-transmission', 'receipt', 6, 'weeks', null, null, null, 'overdue'],
      ['investigation', 'unverified', 15, 'calendar-months', null, 12, 1, 'overdue'],
      ['simple-cooperation', 'unverified', 12, 'calendar-months', null, null, null, 'overdue'],
    ]);
    expect(summary('generic-notice-challenge-decision')).toEqual([
      ['challenge-window', 'notification', 30, 'calendar-days', null, null, null, 'window-closed'],
      ['redress-decision', 'lodging', 60, 'calendar-days', null, 30, 1, 'overdue'],
    ]);
  });

  it('words the Art. 61(8) and Art. 66 consequence and the e-evidence texts as the instruments do', () => {
    expect(period('gdpr-art61-mutual-assistance', 'reply').lapse.description).toMatch(
      /provisional measure on the territory of its own Member State \(Art\. 61\(8\).*Art\. 66\(1\).*Art\. 66\(2\)/,
    );
    const epo = find('epo-2023-1543-production-order');
    expect(epo.notice?.source).toBe('Art. 13 Regulation (EU) 2023/1543');
    expect(epo.notice?.deferral).toMatch(/Art\. 13\(3\) of Directive \(EU\) 2016\/680 .*\(Art\. 13\(2\)\)/);
    const grounds = period('epo-2023-1543-production-order', 'enforcing-state-grounds');
    expect(grounds.lapse.emergencyDescription).toMatch(/96 hours.*delete the data or restrict its use/);
    expect(grounds.lapse.description).not.toEqual(grounds.lapse.emergencyDescription);
    expect(grounds.startsOnlyIf?.anyDataCategoryExcept).toEqual(['subscriber', 'identification']);
  });

  it('resolves a case stored with an older template version to the corrected one, and nothing newer', () => {
    expect(findProcedureTemplate({ id: 'gdpr-art61-mutual-assistance', version: 1 })?.version).toBe(2);
    expect(findProcedureTemplate({ id: 'gdpr-art61-mutual-assistance', version: 2 })?.version).toBe(2);
    expect(findProcedureTemplate({ id: 'gdpr-art61-mutual-assistance', version: 3 })).toBeUndefined();
    expect(findProcedureTemplate({ id: 'no-such-template', version: 1 })).toBeUndefined();
    for (const id of ['gdpr-art56-local-case', 'eio-art12-recognition-execution', 'epo-2023-1543-production-order']) {
      expect(findProcedureTemplate({ id, version: 1 })?.version, id).toBe(2);
    }
  });

  it('falls back to the default template for challenge and decision periods only', () => {
    const art61 = { id: 'gdpr-art61-mutual-assistance', version: 2 };
    expect(periodForPurpose(art61, 'response')).toBeUndefined();
    expect(periodForPurpose(art61, 'challenge-window')?.template.id).toBe(DEFAULT_PROCEDURE.id);
    const epo = { id: 'epo-2023-1543-production-order', version: 2 };
    expect(periodForPurpose(epo, 'response')?.period.id).toBe('provider-delivers');
    expect(periodForPurpose({ id: 'eio-art12-recognition-execution', version: 2 }, 'response')).toBeUndefined();
  });

  it('rejects a template whose period starts on the wrong event or repeats a purpose', () => {
    const generic = find('generic-notice-challenge-decision');
    const wrongStart = { ...generic, periods: [{ ...generic.periods[0], startsOn: 'request-sent' }] };
    expect(procedureTemplateSchema.safeParse(wrongStart).success).toBe(false);
    const receiptWindow = { ...generic, periods: [{ ...generic.periods[0], startsOn: 'receipt' }] };
    expect(procedureTemplateSchema.safeParse(receiptWindow).success).toBe(false);
    const twice = { ...generic, periods: [generic.periods[0], { ...generic.periods[0], id: 'again' }] };
    expect(procedureTemplateSchema.safeParse(twice).success).toBe(false);
    expect(procedureTemplateSchema.safeParse({ ...generic, appliesTo: ['parking-ticket'] }).success).toBe(false);
    const noEvent = { ...generic, periods: [{ ...generic.periods[0], startEvent: undefined }] };
    expect(procedureTemplateSchema.safeParse(noEvent).success).toBe(false);
    expect(procedureTemplateSchema.safeParse({ ...generic, applicableFrom: '2 April 2027' }).success).toBe(false);
  });

  it('every template applies to a real kind and starts a deadline for every period', () => {
    for (const template of PROCEDURE_TEMPLATES) {
      for (const kind of template.appliesTo) expect(CASE_KINDS).toContain(kind);
      for (const p of template.periods) {
        const started = startDeadline({
          id: 'd',
          template,
          period: p,
          startedAt: '2026-05-04T08:00:00.000Z',
          emergency: false,
          clock: { jurisdiction: 'DE', timeZone: 'Europe/Berlin' },
        });
        expect(started.ok && started.value.dueAt !== null, `${template.id}/${p.id}`).toBe(true);
      }
    }
  });

  it('refuses an unknown time zone with a clear message', () => {
    const template = find('generic-notice-challenge-decision');
    const first = template.periods[0];
    if (!first) throw new Error('no period');
    const started = startDeadline({
      id: 'd',
      template,
      period: first,
      startedAt: '2026-05-04T08:00:00.000Z',
      emergency: false,
      clock: { jurisdiction: 'DE', timeZone: 'Mars/Olympus' },
    });
    expect(started).toMatchObject({ ok: false, error: { code: 'deadline-bad-time-zone' } });
  });
});

describe('template choice by opening date (Regulation (EU) 2025/2518 applies from 2 April 2027)', () => {
  const ids = (kind: (typeof CASE_KINDS)[number], openedOn: string) => proceduresFor(kind, openedOn).map((t) => t.id);

  it('offers the 2025/2518 template to a case opened on 2 April 2027 and the Art. 60 template the day before', () => {
    for (const kind of ['enforcement-action', 'rights-complaint'] as const) {
      expect(ids(kind, '2027-04-02')).toContain('gdpr-2025-2518-cross-border-enforcement');
      expect(ids(kind, '2027-04-02')).not.toContain('gdpr-art60-draft-decision');
      expect(ids(kind, '2027-04-01')).toContain('gdpr-art60-draft-decision');
      expect(ids(kind, '2027-04-01')).not.toContain('gdpr-2025-2518-cross-border-enforcement');
    }
    expect(ids('data-access-request', '2027-04-02')).not.toContain('gdpr-2025-2518-cross-border-enforcement');
    // Templates 2025/2518 does not replace stay on offer.
    expect(ids('enforcement-action', '2027-04-02')).toContain('gdpr-art61-mutual-assistance');
  });

  it('takes the opening date in the office time zone', () => {
    expect(openedOnDate('2027-04-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2027-04-02');
    expect(openedOnDate('2027-04-01T21:30:00.000Z', 'Europe/Berlin')).toBe('2027-04-01');
  });
});

describe('worked examples (Reg. 1182/71 Art. 3)', () => {
  it('GDPR Art. 12(3): one month from receipt on 31 January ends on 28 February, a Saturday, so Monday 2 March', () => {
    // Art. 3(2)(c): a month period ends on the same date, or the month's last day; Art. 3(4): then the next working day.
    const reply = dueOf('gdpr-art12-data-subject-request', 'controller-replies', '2026-01-31T10:00:00.000Z');
    expect(reply.dueAt).toBe('2026-03-02T22:59:59.999Z');
    // The two further months run from the end date shown: 2 May 2026 is a Saturday, so Monday 4 May.
    const extended = recomputeDue({ ...reply, extensions: [{ at: reply.startedAt, by: 'alice', reason: 'complex' }] });
    expect(extended.dueAt).toBe('2026-05-04T21:59:59.999Z');
  });

  it('GDPR Art. 61(2): one month from receipt, not from sending', () => {
    const reply = dueOf('gdpr-art61-mutual-assistance', 'reply', '2026-04-08T08:00:00.000Z', {
      jurisdiction: 'FR',
      timeZone: 'Europe/Paris',
    });
    // 8 May 2026 is a French public holiday (a Friday): the period ends on Monday 11 May.
    expect(reply.dueAt).toBe('2026-05-11T21:59:59.999Z');
  });

  it('GDPR Art. 56(3): three weeks after the lead authority was informed', () => {
    expect(dueOf('gdpr-art56-local-case', 'lead-authority-decides', '2026-03-04T09:00:00.000Z').dueAt).toBe(
      '2026-03-25T22:59:59.999Z',
    );
  });

  it('EIO Art. 32(2): 24 hours from receipt, not moved off a Sunday', () => {
    const due = dueOf('eio-art12-recognition-execution', 'provisional-measure', '2026-05-02T14:30:00.000Z');
    expect(due.dueAt).toBe('2026-05-03T14:30:00.000Z');
  });

  it('GDPR Art. 66(1): a provisional measure never outlasts three months (no roll to a working day)', () => {
    // 31 May + 3 months = 31 August 2026, a Monday; 30 May + 3 months = 30 August, a Sunday, and stays there.
    expect(dueOf('gdpr-art66-urgency-procedure', 'provisional-measure-validity', '2026-05-30T10:00:00Z').dueAt).toBe(
      '2026-08-30T21:59:59.999Z',
    );
    expect(dueOf('gdpr-art66-urgency-procedure', 'board-urgent-decision', '2026-05-29T10:00:00Z').dueAt).toBe(
      '2026-06-12T21:59:59.999Z',
    );
  });

  it('Reg. 2025/2518: six weeks from receipt of the complaint', () => {
    expect(
      dueOf('gdpr-2025-2518-cross-border-enforcement', 'complaint-transmission', '2027-04-06T09:00:00Z').dueAt,
    ).toBe('2027-05-18T21:59:59.999Z');
  });

  it('Reg. 2023/1543: 96 hours for the enforcing authority in an emergency, 10 days otherwise', () => {
    const start = '2026-03-28T22:30:00.000Z';
    const clock = { jurisdiction: 'FR', timeZone: 'Europe/Paris' };
    expect(dueOf('epo-2023-1543-production-order', 'enforcing-state-grounds', start, clock, true).dueAt).toBe(
      '2026-04-01T22:30:00.000Z',
    );
    expect(dueOf('epo-2023-1543-production-order', 'enforcing-state-grounds', start, clock).dueAt).toBe(
      '2026-04-07T21:59:59.999Z',
    );
  });
});

describe('a template names the legal basis its cases start with', () => {
  it('each default is a known legal basis, for a kind the template applies to', () => {
    const bases = new Set(VOCABULARIES['legal-bases'].terms.map((t) => t.code));
    for (const template of PROCEDURE_TEMPLATES) {
      for (const [kind, code] of Object.entries(template.defaultLegalBasis ?? {})) {
        expect(bases.has(code), `${template.id}: ${code}`).toBe(true);
        expect(template.appliesTo, `${template.id}: ${kind}`).toContain(kind);
      }
    }
  });

  it('the instrument is the basis: an EPO production order starts under Art. 5, a complaint under Art. 77', () => {
    expect(defaultLegalBasisFor(find('epo-2023-1543-production-order'), 'data-access-request')).toBe('epo-2023-1543-5');
    expect(defaultLegalBasisFor(find('epo-2023-1543-preservation-order'), 'data-access-request')).toBe(
      'epo-2023-1543-6',
    );
    expect(defaultLegalBasisFor(find('gdpr-art60-draft-decision'), 'rights-complaint')).toBe('gdpr-77');
    // Where the basis depends on the facts, the user chooses.
    expect(defaultLegalBasisFor(find('generic-notice-challenge-decision'), 'data-access-request')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '@shared/domain/case-stage';
import { startDeadline } from '@shared/deadlines/tracked-deadline';
import {
  DEFAULT_PROCEDURE,
  findProcedureTemplate,
  periodForPurpose,
  PROCEDURE_TEMPLATES,
} from '@shared/procedures/procedure-registry';
import { procedureTemplateSchema } from '@shared/procedures/procedure-template';

const find = (id: string) => {
  const template = findProcedureTemplate({ id, version: 1 });
  if (!template) throw new Error(`no template ${id}`);
  return template;
};

describe('procedure templates', () => {
  it('ships the required procedures, each period citing its source article', () => {
    expect(PROCEDURE_TEMPLATES.map((t) => t.id).sort()).toEqual([
      'eio-art12-recognition-execution',
      'epo-2023-1543-preservation-order',
      'epo-2023-1543-production-order',
      'gdpr-art56-local-case',
      'gdpr-art60-draft-decision',
      'gdpr-art61-mutual-assistance',
      'generic-notice-challenge-decision',
    ]);
    for (const template of PROCEDURE_TEMPLATES) {
      for (const period of template.periods)
        expect(period.source, `${template.id}/${period.id}`).toMatch(/Art\.|agreement/);
    }
  });

  it('states the figures of the legal texts', () => {
    const summary = (id: string) =>
      find(id).periods.map((p) => [
        p.id,
        p.duration.amount,
        p.duration.unit,
        p.emergencyDuration?.amount ?? null,
        p.extension?.duration.amount ?? null,
        p.extension?.maxCount ?? null,
        p.lapse.outcome,
      ]);
    expect(summary('gdpr-art61-mutual-assistance')).toEqual([
      ['reply', 1, 'calendar-months', null, null, null, 'provisional-measures-allowed'],
    ]);
    expect(summary('gdpr-art60-draft-decision').slice(0, 2)).toEqual([
      ['objections', 4, 'weeks', null, null, null, 'deemed-agreement'],
      ['revised-objections', 2, 'weeks', null, null, null, 'deemed-agreement'],
    ]);
    expect(summary('gdpr-art56-local-case')).toEqual([
      ['lead-authority-decides', 3, 'weeks', null, null, null, 'overdue'],
    ]);
    expect(summary('eio-art12-recognition-execution')).toEqual([
      ['recognition', 30, 'calendar-days', null, 30, 1, 'overdue'],
      ['execution', 90, 'calendar-days', null, 30, 3, 'overdue'],
    ]);
    expect(summary('epo-2023-1543-production-order')).toEqual([
      ['provider-delivers', 10, 'calendar-days', 8, null, null, 'overdue'],
      ['enforcing-state-grounds', 10, 'calendar-days', 96, null, null, 'no-grounds-raised'],
    ]);
    expect(find('epo-2023-1543-production-order').notice?.source).toBe('Art. 13 Regulation (EU) 2023/1543');
    expect(summary('epo-2023-1543-preservation-order')).toEqual([
      ['preservation', 60, 'calendar-days', null, 30, 1, 'preservation-ends'],
    ]);
    expect(summary('generic-notice-challenge-decision')).toEqual([
      ['challenge-window', 30, 'calendar-days', null, null, null, 'window-closed'],
      ['redress-decision', 60, 'calendar-days', null, 30, 1, 'overdue'],
    ]);
  });

  it('falls back to the default template for challenge and decision periods only', () => {
    const art61 = { id: 'gdpr-art61-mutual-assistance', version: 1 };
    expect(periodForPurpose(art61, 'response')?.period.id).toBe('reply');
    expect(periodForPurpose(art61, 'challenge-window')?.template.id).toBe(DEFAULT_PROCEDURE.id);
    expect(periodForPurpose({ id: 'eio-art12-recognition-execution', version: 1 }, 'response')).toBeUndefined();
    expect(findProcedureTemplate({ id: 'gdpr-art61-mutual-assistance', version: 2 })).toBeUndefined();
  });

  it('rejects a template whose period starts on the wrong event or repeats a purpose', () => {
    const generic = find('generic-notice-challenge-decision');
    const wrongStart = { ...generic, periods: [{ ...generic.periods[0], startsOn: 'request-sent' }] };
    expect(procedureTemplateSchema.safeParse(wrongStart).success).toBe(false);
    const twice = { ...generic, periods: [generic.periods[0], { ...generic.periods[0], id: 'again' }] };
    expect(procedureTemplateSchema.safeParse(twice).success).toBe(false);
    expect(procedureTemplateSchema.safeParse({ ...generic, appliesTo: ['parking-ticket'] }).success).toBe(false);
  });

  it('every template applies to a real kind and starts a deadline for every period', () => {
    for (const template of PROCEDURE_TEMPLATES) {
      for (const kind of template.appliesTo) expect(CASE_KINDS).toContain(kind);
      for (const period of template.periods) {
        const started = startDeadline({
          id: 'd',
          template,
          period,
          startedAt: '2026-05-04T08:00:00.000Z',
          emergency: false,
          clock: { jurisdiction: 'DE', timeZone: 'Europe/Berlin' },
        });
        expect(started.ok && started.value.dueAt !== null, `${template.id}/${period.id}`).toBe(true);
      }
    }
  });

  it('refuses an unknown time zone with a clear message', () => {
    const template = find('generic-notice-challenge-decision');
    const period = template.periods[0];
    if (!period) throw new Error('no period');
    const started = startDeadline({
      id: 'd',
      template,
      period,
      startedAt: '2026-05-04T08:00:00.000Z',
      emergency: false,
      clock: { jurisdiction: 'DE', timeZone: 'Mars/Olympus' },
    });
    expect(started).toMatchObject({ ok: false, error: { code: 'deadline-bad-time-zone' } });
  });
});

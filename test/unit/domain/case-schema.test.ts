import { describe, expect, it } from 'vitest';
import { caseSchema, parseCase } from '@shared/domain/case';
import { missingAssessmentStatements } from '@shared/domain/threshold-assessment';
import { isNoticeDue } from '@shared/domain/notice-status';
import { rungBelow } from '@shared/domain/enforcement-ladder';
import { actorSchema } from '@shared/domain/actor';
import { alice, apply, makeContext, requestTo } from '../workflow/workflow-fixtures';

describe('case schema', () => {
  it('accepts every case the workflow produces, after a JSON round trip', () => {
    const { context, clock } = makeContext();
    let t = requestTo('remedies', context, clock);
    t = apply(
      t,
      alice,
      {
        type: 'add-evidence',
        title: 'Log',
        mediaType: 'text/plain',
        sizeBytes: 9,
        contentHash: 'c'.repeat(64),
        note: '',
      },
      context,
    );
    const parsed = parseCase(JSON.parse(JSON.stringify(t.case)));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(t.case);
  });

  it('rejects unknown fields, bad codes, bad instants and bad hashes', () => {
    const { context, clock } = makeContext();
    const good = requestTo('authorised', context, clock).case;
    const problems = (value: unknown) => (caseSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(problems({ ...good, surprise: 1 })).toEqual(['']);
    expect(problems({ ...good, originatingJurisdiction: 'Germany' })).toEqual(['originatingJurisdiction']);
    expect(problems({ ...good, createdAt: '2026-03-02 09:00' })).toEqual(['createdAt']);
    expect(problems({ ...good, kind: 'parking-ticket' })).toEqual(['kind']);
    expect(problems({ ...good, audit: { count: 1, headHash: 'XYZ' } })).toEqual(['audit.headHash']);
    expect(problems({ ...good, dataCategories: [{ code: 'content', sensitivity: 'secret' }] })).toEqual([
      'dataCategories.0.sensitivity',
    ]);
    expect(
      problems({
        ...good,
        affectedPeople: [
          { id: 'p', name: 'n', contactForNotice: 'c', preferredLanguage: 'en', notice: { state: 'deferred' } },
        ],
      }),
    ).toHaveLength(5);
  });
});

describe('domain helpers', () => {
  it('names each empty threshold statement, treating whitespace as empty', () => {
    expect(
      missingAssessmentStatements({ necessity: 'n', proportionality: ' \n', nonDiscrimination: '', minimisation: 'm' }),
    ).toEqual(['proportionality statement is empty', 'non-discrimination statement is empty']);
  });

  it('treats an expired deferral as notice due again', () => {
    const deferred = {
      state: 'deferred' as const,
      reasons: 'r',
      reviewAt: '2026-03-10T00:00:00.000Z',
      deferredAt: '2026-03-01T00:00:00.000Z',
      deferredBy: 'a',
      deferralCount: 1,
    };
    expect(isNoticeDue(deferred, Date.parse('2026-03-09T23:59:59Z'))).toBe(false);
    expect(isNoticeDue(deferred, Date.parse('2026-03-10T00:00:00Z'))).toBe(true);
    expect(isNoticeDue({ state: 'pending' }, 0)).toBe(true);
  });

  it('orders the enforcement ladder and the roles', () => {
    expect([
      rungBelow('warning'),
      rungBelow('remedial-order'),
      rungBelow('penalty'),
      rungBelow('invasive-measure'),
    ]).toEqual([null, 'warning', 'remedial-order', 'penalty']);
    expect(actorSchema.safeParse({ id: 'x', role: 'judge' }).success).toBe(false);
  });
});

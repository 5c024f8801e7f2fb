import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '@shared/domain/text-limits';
import {
  draftChangesFromForm,
  draftFieldOrder,
  draftFormStateSchema,
  draftFormMissing,
  draftFormProblems,
  emptyDraftForm,
  isUntouchedDraftForm,
  withProcedure,
  type DraftFormState,
} from '../../../renderer/src/screens/case/draft-form-state';

const TODAY = '2026-11-30';
const form = (patch: Partial<DraftFormState> = {}): DraftFormState => ({
  ...emptyDraftForm('eu-e-evidence-production-order'),
  title: 'Subscriber data for the Kestrel account',
  ...patch,
});
const person = (name: string, contactForNotice: string) => ({
  id: `person-${name.length}`,
  name,
  contactForNotice,
  preferredLanguage: 'en' as const,
});

describe('the draft form refuses what cannot be right, and says where', () => {
  it('a complete form has no problems and gives the workflow its changes', () => {
    const { changes, errors } = draftChangesFromForm(
      form({ purpose: 'Identify who runs it', dataFrom: '2026-01-01', dataTo: '2026-03-31', purgeAt: '2031-11-30' }),
      'data-access-request',
      TODAY,
    );
    expect(errors).toEqual({});
    expect(changes?.dataTimeRange?.from).toBeDefined();
  });

  it('a text over its limit is a problem (the 171,000-character purpose), exactly at the limit it is not', () => {
    const limit = TEXT_LIMITS.purpose;
    expect(draftFormProblems(form({ purpose: 'x'.repeat(limit) }), TODAY)).toEqual({});
    expect(draftFormProblems(form({ purpose: 'x'.repeat(171_000) }), TODAY)).toEqual({
      purpose: { code: 'too-long', limit },
    });
    const { changes } = draftChangesFromForm(form({ purpose: 'x'.repeat(limit + 1) }), 'data-access-request', TODAY);
    expect(changes).toBeNull();
  });

  it('every text field has its limit, people rows included', () => {
    const long = (n: number) => 'y'.repeat(n + 1);
    const problems = draftFormProblems(
      form({
        title: long(TEXT_LIMITS.title),
        platform: long(TEXT_LIMITS.platform),
        legalBasisText: long(TEXT_LIMITS.legalBasisText),
        necessity: long(TEXT_LIMITS.statement),
        admissibilityReasons: long(TEXT_LIMITS.admissibilityReasons),
        retentionBasis: long(TEXT_LIMITS.retentionBasis),
        emergency: true,
        emergencySunset: '2026-12-15',
        emergencyJustification: long(TEXT_LIMITS.emergencyJustification),
        people: [person(long(TEXT_LIMITS.personName), long(TEXT_LIMITS.personContact))],
      }),
      TODAY,
    );
    expect(Object.keys(problems).sort()).toEqual(
      [
        'title',
        'platform',
        'legalBasisText',
        'necessity',
        'admissibilityReasons',
        'retentionBasis',
        'emergencyJustification',
        'person-0-name',
        'person-0-contact',
      ].sort(),
    );
  });

  it('stored data cannot come from the future or from before 1990 (the 2031 data period)', () => {
    expect(draftFormProblems(form({ dataFrom: '2031-01-01', dataTo: '2031-02-01' }), TODAY)).toEqual({
      dataFrom: { code: 'data-in-future' },
      dataTo: { code: 'data-in-future' },
    });
    expect(draftFormProblems(form({ dataFrom: '2026-11-01', dataTo: TODAY }), TODAY)).toEqual({});
    expect(draftFormProblems(form({ dataFrom: '1989-12-31', dataTo: '2020-01-01' }), TODAY)).toEqual({
      dataFrom: { code: 'date-too-early' },
    });
    expect(draftFormProblems(form({ dataFrom: '2026-03-01', dataTo: '2026-02-01' }), TODAY)).toEqual({
      dataTo: { code: 'range-reversed' },
    });
    expect(draftFormProblems(form({ dataFrom: '2026-03-01' }), TODAY)).toEqual({
      dataTo: { code: 'range-incomplete' },
    });
  });

  it('a purge or sunset date must come after today', () => {
    expect(draftFormProblems(form({ purgeAt: TODAY }), TODAY)).toEqual({ purgeAt: { code: 'purge-not-future' } });
    expect(draftFormProblems(form({ purgeAt: '2026-12-01' }), TODAY)).toEqual({});
    expect(draftFormProblems(form({ emergency: true, emergencySunset: '2026-11-29' }), TODAY)).toEqual({
      emergencySunset: { code: 'sunset-not-future' },
    });
    expect(draftFormProblems(form({ emergency: true }), TODAY)).toEqual({
      emergencySunset: { code: 'sunset-needed' },
    });
  });

  it('what a save still needs is listed apart, and the summary follows the form’s order', () => {
    const f = form({ title: ' ', people: [person('Ana', ''), person('', 'ben@example.org')] });
    expect(draftFormMissing(f)).toEqual({
      title: { code: 'titleEmpty' },
      'person-0-contact': { code: 'contactEmpty' },
      'person-1-name': { code: 'nameEmpty' },
    });
    const order = draftFieldOrder(f, 'data-access-request');
    expect(order.indexOf('title')).toBeLessThan(order.indexOf('purpose'));
    expect(order.indexOf('dataTo')).toBeLessThan(order.indexOf('person-0-name'));
    expect(order.indexOf('person-1-contact')).toBeLessThan(order.indexOf('necessity'));
    expect(order.indexOf('minimisation')).toBeLessThan(order.indexOf('purgeAt'));
    expect(order).not.toContain('admissibilityReasons');
    // A complaint's form asks for admissibility reasons where a request asks for the four statements.
    const complaint = draftFieldOrder(f, 'rights-complaint');
    expect(complaint).not.toContain('proportionality');
    expect(complaint.indexOf('person-1-contact')).toBeLessThan(complaint.indexOf('admissibilityReasons'));
    expect(complaint.indexOf('admissibilityReasons')).toBeLessThan(complaint.indexOf('purgeAt'));
  });
});

describe('a complaint’s form gives the workflow an admissibility record, a request’s the four statements', () => {
  const answered = form({
    necessity: 'left over',
    admissibility: {
      competent: 'yes',
      entitled: 'unclear',
      inTime: 'no',
      notUnfounded: '',
      notDecidedElsewhere: 'yes',
    },
    admissibilityReasons: 'The controller is established here.',
  });

  it('a complaint sends its answers (unanswered as null) and no statements', () => {
    const { changes } = draftChangesFromForm(answered, 'rights-complaint', TODAY);
    expect(changes?.admissibility).toEqual({
      competent: 'yes',
      entitled: 'unclear',
      inTime: 'no',
      notUnfounded: null,
      notDecidedElsewhere: 'yes',
      reasons: 'The controller is established here.',
    });
    expect(changes?.assessment).toBeUndefined();
  });

  it('a request sends its statements and no admissibility record', () => {
    const { changes } = draftChangesFromForm(answered, 'data-access-request', TODAY);
    expect(changes?.admissibility).toBeUndefined();
    expect(changes?.assessment?.necessity).toBe('left over');
  });

  it('a draft kept across a lock before admissibility was asked still reads back, unanswered', () => {
    const { admissibility: _a, admissibilityReasons: _r, ...older } = emptyDraftForm('gdpr-art12-data-subject-request');
    const read = draftFormStateSchema.safeParse(older);
    expect(read.success && read.data).toEqual(emptyDraftForm('gdpr-art12-data-subject-request'));
  });
});

describe('the procedure sets the legal basis, never over the user’s own choice', () => {
  it('a new form starts with the basis its procedure names for the kind', () => {
    expect(emptyDraftForm('epo-2023-1543-production-order', 'data-access-request').legalBasisCode).toBe(
      'epo-2023-1543-5',
    );
    expect(emptyDraftForm('generic-notice-challenge-decision', 'data-access-request').legalBasisCode).toBe('');
  });

  it('changing the procedure moves a default basis along, and keeps one the user chose', () => {
    const start = emptyDraftForm('epo-2023-1543-production-order', 'data-access-request');
    const preservation = withProcedure(start, 'data-access-request', {
      kind: 'data-access-request',
      procedureId: 'epo-2023-1543-preservation-order',
    });
    expect(preservation.legalBasisCode).toBe('epo-2023-1543-6');
    expect(isUntouchedDraftForm(preservation, 'data-access-request')).toBe(true);
    const own = { ...start, legalBasisCode: 'budapest-31' };
    const moved = withProcedure(own, 'data-access-request', {
      kind: 'data-access-request',
      procedureId: 'epo-2023-1543-preservation-order',
    });
    expect(moved.legalBasisCode).toBe('budapest-31');
    expect(isUntouchedDraftForm(moved, 'data-access-request')).toBe(false);
  });

  it('changing the kind under the same procedure takes that kind’s basis (a complaint: Art. 77)', () => {
    const enforcement = emptyDraftForm('gdpr-art60-draft-decision', 'enforcement-action');
    expect(enforcement.legalBasisCode).toBe('gdpr-58-2');
    const complaint = withProcedure(enforcement, 'enforcement-action', {
      kind: 'rights-complaint',
      procedureId: 'gdpr-art60-draft-decision',
    });
    expect(complaint.legalBasisCode).toBe('gdpr-77');
  });
});

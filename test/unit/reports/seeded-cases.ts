import type { ReportableCase } from '@shared/reports/transparency-report';

/**
 * A seeded office (DE) with several hundred cases across stages and partners. Every figure the report should
 * print follows from the quotas written below, which is how the expected tables in the test were checked by hand.
 */
const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();
const jan1 = Date.UTC(2025, 0, 1);

function blank(overrides: Partial<ReportableCase>): ReportableCase {
  return {
    kind: 'data-access-request',
    originatingJurisdiction: 'DE',
    partnerJurisdiction: null,
    legalBasis: { code: null, text: '' },
    createdAt: at(jan1),
    emergency: null,
    challenge: null,
    decision: null,
    remedies: [],
    deadlines: [],
    authorisation: null,
    request: null,
    response: null,
    closure: null,
    affectedPeople: [],
    ...overrides,
  };
}

/** Repeats each [value, count] pair: expand([['FR', 2], ['NL', 1]]) = ['FR', 'FR', 'NL']. */
const expand = <T>(quota: readonly (readonly [T, number])[]): T[] =>
  quota.flatMap(([value, count]) => Array<T>(count).fill(value));

export function seededCases(): ReportableCase[] {
  const cases: ReportableCase[] = [];

  // 250 requests sent in 2025: FR 120, NL 80, ES 40, AT 7, IE 3.
  const partners = expand([
    ['FR', 120],
    ['NL', 80],
    ['ES', 40],
    ['AT', 7],
    ['IE', 3],
  ] as const);
  // Legal bases over the same 250, in order: EIO 150, EPO 90, GDPR Art. 61 8, MLAT 2.
  const bases = expand([
    ['eio-2014-41', 150],
    ['epo-2023-1543-5', 90],
    ['gdpr-61', 8],
    ['mlat', 2],
  ] as const);
  // The one affected person of each: 200 notified straight away, 30 after a deferral, 10 deferred 30 days,
  // 5 deferred 60 days, 5 withheld for good under a legislative measure.
  const notices = expand([
    ['issued', 200],
    ['issued-after-deferral', 30],
    ['deferred-30', 10],
    ['deferred-60', 5],
    ['withheld', 5],
  ] as const);
  partners.forEach((partner, i) => {
    const sentAt = jan1 + (10 + (i % 270)) * DAY; // 11 Jan … 28 Sep 2025
    const notice = notices[i] ?? 'pending';
    const dueAt = sentAt + 30 * DAY;
    cases.push(
      blank({
        partnerJurisdiction: partner,
        legalBasis: { code: bases[i] ?? null, text: '' },
        createdAt: at(sentAt - 10 * DAY),
        authorisation: { by: 'cw-1', at: at(sentAt - 5 * DAY), secondPerson: false },
        request: { sentAt: at(sentAt), by: 'cw-1' },
        // 12 emergencies: the first 9 lapsed at their sunset, the last 3 were reviewed and run into 2026.
        emergency:
          i < 12
            ? {
                justification: 'imminent risk',
                sunsetAt: at(sentAt + 3 * DAY),
                reviews:
                  i < 9
                    ? []
                    : [
                        {
                          at: at(sentAt + 2 * DAY),
                          by: 'ro-1',
                          reasons: 'still needed',
                          newSunsetAt: at(Date.UTC(2026, 5, 1)),
                        },
                      ],
              }
            : null,
        affectedPeople: [{ notice: noticeStatus(notice, sentAt) }],
        // Every request has a 30-day reply deadline: one in ten was missed (met 5 days late), the rest were met.
        deadlines: [deadline(sentAt, dueAt, i % 10 === 0 ? dueAt + 5 * DAY : dueAt - DAY)],
      }),
    );
  });

  // Outside the period: 30 sent in 2024, 10 in 2026. None of them may be counted.
  for (let i = 0; i < 40; i++) {
    const sentAt = i < 30 ? Date.UTC(2024, 5, 1) : Date.UTC(2026, 0, 10);
    cases.push(
      blank({
        partnerJurisdiction: 'FR',
        legalBasis: { code: 'eio-2014-41', text: '' },
        createdAt: at(sentAt - DAY),
        request: { sentAt: at(sentAt), by: 'cw-1' },
      }),
    );
  }

  // 92 requests received in 2025: from FR 60, NL 30, BE 2; bases GDPR Art. 61 70, LED Art. 8 22.
  const origins = expand([
    ['FR', 60],
    ['NL', 30],
    ['BE', 2],
  ] as const);
  const receivedBases = expand([
    ['gdpr-61', 70],
    ['led-8', 22],
  ] as const);
  origins.forEach((origin, i) => {
    cases.push(
      blank({
        originatingJurisdiction: origin,
        partnerJurisdiction: 'DE',
        legalBasis: { code: receivedBases[i] ?? null, text: '' },
        createdAt: at(jan1 + (5 + i) * DAY),
      }),
    );
  });

  // 40 rights complaints challenged in 2025. Grounds: 20 × [disproportionate], 15 × [not-necessary, excessive-data],
  // 5 × [notice-not-given]. 30 decided in 2025: upheld 12, modified 10 (each orders narrow-scope),
  // quashed 8 (each orders erase-data and notify-partner). Done in 2025: 6 erase-data, 2 narrow-scope.
  const grounds = expand([
    [['disproportionate'], 20],
    [['not-necessary', 'excessive-data'], 15],
    [['notice-not-given'], 5],
  ] as const);
  const outcomes = expand([
    ['upheld', 12],
    ['modified', 10],
    ['quashed', 8],
  ] as const);
  grounds.forEach((g, i) => {
    const lodgedAt = jan1 + (20 + i * 3) * DAY;
    const outcome = outcomes[i];
    const decidedAt = lodgedAt + 40 * DAY;
    const remedyCodes =
      outcome === 'modified' ? ['narrow-scope'] : outcome === 'quashed' ? ['erase-data', 'notify-partner'] : [];
    const quashedIndex = i - 22; // cases 22…29 are the quashed ones
    const modifiedIndex = i - 12; // cases 12…21 are the modified ones
    cases.push(
      blank({
        kind: 'rights-complaint',
        createdAt: at(lodgedAt - 10 * DAY),
        challenge: {
          lodgedAt: at(lodgedAt),
          recordedBy: 'cw-2',
          personId: null,
          grounds: [...g],
          statement: '',
          attachmentIds: [],
        },
        decision: outcome ? { outcome, reasons: 'see file', decidedAt: at(decidedAt), decidedBy: 'ro-1' } : null,
        remedies: remedyCodes.map((code, r) => ({
          id: `r-${i}-${r}`,
          code,
          description: '',
          dueAt: at(decidedAt + 30 * DAY),
          done:
            (code === 'erase-data' && quashedIndex < 6) || (code === 'narrow-scope' && modifiedIndex < 2)
              ? { at: at(decidedAt + 10 * DAY), by: 'cw-2', note: '' }
              : null,
        })),
      }),
    );
  });
  return cases;
}

function noticeStatus(kind: string, sentAt: number): ReportableCase['affectedPeople'][number]['notice'] {
  switch (kind) {
    case 'issued':
      return {
        state: 'issued',
        method: 'post',
        issuedAt: at(sentAt + 7 * DAY),
        issuedBy: 'cw-1',
        language: 'fr',
        deferralCount: 0,
      };
    case 'issued-after-deferral':
      return {
        state: 'issued',
        method: 'post',
        issuedAt: at(sentAt + 40 * DAY),
        issuedBy: 'cw-1',
        language: 'fr',
        deferralCount: 1,
      };
    case 'deferred-30':
    case 'deferred-60':
      return {
        state: 'deferred',
        reasons: 'ongoing investigation',
        deferredAt: at(sentAt + 2 * DAY),
        reviewAt: at(sentAt + (kind === 'deferred-30' ? 32 : 62) * DAY),
        deferredBy: 'cw-1',
        deferralCount: 1,
      };
    case 'withheld':
      return {
        state: 'withheld',
        ground: 'omitted-by-law',
        reasons: 'national law omits notice in this investigation',
        withheldAt: at(sentAt + 3 * DAY),
        withheldBy: 'cw-2',
        deferralCount: 0,
      };
    default:
      return { state: 'pending' };
  }
}

function deadline(startMs: number, dueMs: number, metMs: number): ReportableCase['deadlines'][number] {
  return {
    id: `d-${startMs}`,
    templateId: 'eio-art12',
    templateVersion: 1,
    periodId: 'reply',
    purpose: 'response',
    label: 'Reply',
    source: 'test',
    startedAt: at(startMs),
    timeZone: 'Europe/Berlin',
    calendarJurisdiction: 'DE',
    rollForward: false,
    emergency: false,
    duration: { unit: 'calendar-days', amount: 30 },
    extensionRule: null,
    extensions: [],
    suspensions: [],
    dueAt: at(dueMs),
    metAt: at(metMs),
    lapseOutcome: 'overdue',
  };
}

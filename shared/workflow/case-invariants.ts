import { type Case } from '../domain/case';
import { caseSchema } from '../domain/case';
import { rungBelow } from '../domain/enforcement-ladder';
import { missingAssessmentStatements } from '../domain/threshold-assessment';
import { ADMISSIBILITY_QUESTIONS, admissibilityGaps } from '../domain/admissibility';
import { recomputeDue } from '../deadlines/tracked-deadline';
import { caseSide } from '../domain/case-side';
import { stagePath } from './stage-labels';
import { isBlank } from './step-helpers';
import { hasReachedPeople } from './right-to-know';

const at = (iso: string) => Date.parse(iso);

/**
 * Every rule a stored case must satisfy, whatever sequence of actions produced it. Empty means legal. Used by the
 * property tests, and by importers as a last check on a case assembled from a bundle.
 */
export function caseViolations(c: Case): string[] {
  const parsed = caseSchema.safeParse(c);
  if (!parsed.success) return parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  const v: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) v.push(message);
  };
  const purged = c.stage === 'purged';
  // Withdrawn, or declared inadmissible, before authorisation: closed without ever being authorised.
  const withdrawnEarly =
    (c.closure?.reason === 'withdrawn' || c.closure?.reason === 'inadmissible') && c.authorisation === null;

  const side = caseSide(c);
  check(stagePath(c).includes(c.stage), `stage ${c.stage} is not on the path of a ${c.kind} (${side} side)`);
  check((side === 'issuing') === (c.incoming === undefined), 'an incoming record exactly on a case received here');
  if (side !== 'executing')
    check(c.recognition === undefined && c.reply === undefined, 'a recognition or reply on a case not received');
  check(c.caseworkerIds.includes(c.createdBy), 'the creator is not listed as a caseworker');
  check(c.audit.count >= 1, 'the audit trail is empty');
  check(purged === (c.purgedAt !== null), 'purgedAt is set exactly when the case is purged');

  // A request received here: decided before it is executed or refused, answered before it closes.
  if (side === 'executing') {
    check(
      c.authorisation === null && c.request === null,
      'a received request was authorised or sent as if issued here',
    );
    check(
      (c.stage === 'received') === (c.recognition === undefined) || purged,
      'recognition decided exactly after receipt',
    );
    if (c.recognition && c.recognition.outcome !== 'accepted')
      check(c.recognition.grounds.length > 0, 'a refusal, in full or in part, names no ground');
    check(
      (c.reply !== undefined) === ['response-sent', 'closed', 'purged'].includes(c.stage) || purged,
      'an answer is recorded exactly once it was sent',
    );
    if (c.closure) check(c.closure.reason === 'answered', 'a received request closed other than answered');
  }

  // Authorisation and what it requires.
  if (side === 'issuing' && c.stage !== 'draft' && !withdrawnEarly)
    check(c.authorisation !== null, 'a case past draft was never authorised');
  if (c.authorisation && !purged && c.kind !== 'rights-complaint')
    check(
      missingAssessmentStatements(c.assessment).length === 0,
      'an authorised case has an incomplete threshold assessment',
    );
  // A complaint is admitted on its admissibility record; one authorised before the record existed had the four
  // statements instead.
  if (c.authorisation && !purged && c.kind === 'rights-complaint')
    check(
      admissibilityGaps(c.admissibility).length === 0 || missingAssessmentStatements(c.assessment).length === 0,
      'an admitted complaint has an incomplete admissibility record',
    );
  if (c.closure?.reason === 'inadmissible')
    check(
      c.kind === 'rights-complaint' &&
        c.authorisation === null &&
        ADMISSIBILITY_QUESTIONS.some((q) => c.admissibility?.[q] === 'no'),
      'declared inadmissible other than as an unadmitted complaint with an answer no',
    );
  if (c.admissibility !== undefined)
    check(c.kind === 'rights-complaint', 'an admissibility record on a case not a complaint');
  if (c.authorisation?.secondPerson)
    check(c.authorisation.by !== c.createdBy, 'second-person rule: the creator authorised their own case');
  if (c.authorisation && c.emergency && !purged)
    check(!isBlank(c.emergency.justification), 'an emergency has no justification');
  if (c.authorisation) check(c.retention.purgeAt !== null, 'an authorised case has no purge date');

  // Request and response.
  if (c.request)
    check(
      c.kind === 'data-access-request' && c.authorisation !== null && at(c.request.sentAt) >= at(c.authorisation.at),
      'a request was sent without (or before) authorisation',
    );
  if (c.response)
    check(
      c.request !== null && at(c.response.receivedAt) >= at(c.request.sentAt),
      'a response exists without a request before it',
    );
  if (c.stage === 'request-sent')
    check(c.request !== null && c.response === null, 'stage request-sent needs a request and no response');

  // Notice.
  for (const person of c.affectedPeople) {
    const n = person.notice;
    if (n.state === 'deferred')
      check(
        !isBlank(n.reasons) && at(n.reviewAt) > at(n.deferredAt),
        'a notice deferral lacks reasons or a future review date',
      );
    if (n.state === 'withheld') check(!isBlank(n.reasons), 'notice was withheld without reasons');
  }
  if (['challenge-window'].includes(c.stage)) {
    check(
      c.affectedPeople.every((p) => p.notice.state !== 'pending'),
      'the challenge window opened with a notice still pending',
    );
    check(
      c.affectedPeople.some((p) => p.notice.state === 'issued'),
      'the challenge window opened without any notice issued',
    );
    check(
      c.deadlines.some((d) => d.purpose === 'challenge-window' && d.metAt === null),
      'the challenge window has no running deadline',
    );
  }

  // Challenge, review, decision, remedies.
  if (['challenge-lodged', 'redress-review'].includes(c.stage))
    check(c.challenge !== null && c.decision === null, `stage ${c.stage} needs a challenge and no decision yet`);
  if (c.stage === 'redress-review') check(c.review !== null, 'redress review without a reviewing officer');
  if (c.review)
    check(
      c.challenge !== null && !c.caseworkerIds.includes(c.review.officerId),
      'the reviewing officer is not independent of the case',
    );
  if (c.decision) {
    check(c.challenge !== null && c.review !== null, 'a decision without a challenge and a review');
    check(!c.caseworkerIds.includes(c.decision.decidedBy), 'a caseworker on the case decided its challenge');
    check(c.review?.officerId === c.decision.decidedBy, 'the decision was not made by the reviewing officer');
    if (c.decision.outcome !== 'upheld')
      check(c.remedies.length > 0, 'a modified or quashed decision ordered no remedy');
  }
  if (c.stage === 'remedies') check(c.decision !== null, 'stage remedies without a decision');
  if (c.remedies.length > 0) check(c.decision !== null, 'remedies without a decision');

  // Closure.
  if (c.stage === 'closed' || purged) {
    check(c.closure !== null, 'a closed case has no closure record');
    if (!purged && hasReachedPeople(c))
      check(
        c.affectedPeople.every((p) => p.notice.state !== 'pending'),
        'a case that reached people closed with someone neither told nor deferred',
      );
    if (c.closure?.reason === 'remedies-done')
      check(
        c.decision !== null && c.remedies.every((r) => r.done !== null),
        'closed as done with remedies outstanding',
      );
    if (c.closure?.reason === 'window-closed-unchallenged')
      check(
        c.challenge === null &&
          c.affectedPeople.every((p) => p.notice.state === 'issued' || p.notice.state === 'withheld' || purged),
        'closed unchallenged while a challenge or deferred notice exists',
      );
  }
  if (purged)
    check(
      c.affectedPeople.length === 0 &&
        c.notes.length === 0 &&
        c.evidence.length === 0 &&
        isBlank(c.title) &&
        isBlank(c.admissibility?.reasons ?? ''),
      'a purged case still holds personal data',
    );
  if (c.textVersions) {
    const { original, purpose, 'decision-reasons': reasons } = c.textVersions;
    check(
      purpose[original] === undefined && reasons[original] === undefined,
      'a translation is kept in the original language',
    );
    check(
      c.decision !== null || Object.keys(reasons).length === 0,
      'decision reasons are translated without a decision',
    );
    if (purged)
      check(Object.keys(purpose).length + Object.keys(reasons).length === 0, 'a purged case still holds translations');
  }
  if (purged && c.retention.purgeAt && c.purgedAt)
    check(at(c.purgedAt) >= at(c.retention.purgeAt), 'purged before retention ended');

  // Enforcement ladder: each rung after the one below, or with an exception.
  if (c.ladder.length > 0) check(c.kind === 'enforcement-action', 'only enforcement actions climb the ladder');
  c.ladder.forEach((step, index) => {
    const below = rungBelow(step.rung);
    const earlier = c.ladder.slice(0, index);
    if (below && !earlier.some((s) => s.rung === below))
      check(step.exception !== null, `${step.rung} was taken without ${below} and without an exception`);
    if (step.review)
      check(step.review.by !== step.by, 'an enforcement exception was reviewed by the person who took it');
  });

  // Deadlines: the stored due date is the computed one, and extensions stay within the rule.
  for (const d of c.deadlines) {
    if (d.extensionRule)
      check(
        d.extensionRule.maxCount === null || d.extensions.length <= d.extensionRule.maxCount,
        `deadline ${d.id} was extended too often`,
      );
    else check(d.extensions.length === 0, `deadline ${d.id} was extended without an extension rule`);
    check(d.suspensions.filter((s) => s.to === null).length <= 1, `deadline ${d.id} has two stopped clocks`);
    check(recomputeDue(d).dueAt === d.dueAt, `deadline ${d.id} stores a due date that does not match its rule`);
    if (d.purpose === 'decision') {
      const hands = [...d.extensions.map((e) => e.by), ...d.suspensions.map((s) => s.by)];
      check(
        !hands.some((by) => c.caseworkerIds.includes(by)),
        `a caseworker on the case changed the decision deadline ${d.id}`,
      );
    }
  }
  return v;
}

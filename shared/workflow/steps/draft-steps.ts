import { rightToKnowGaps } from '../right-to-know';
import { type Case } from '../../domain/case';
import { EMPTY_ASSESSMENT } from '../../domain/threshold-assessment';
import { admissibilityGaps } from '../../domain/admissibility';
import { findProcedureTemplate, openedOnDate } from '../../procedures/procedure-registry';
import { templateAppliesTo } from '../../procedures/procedure-template';
import { findDataCategory, findJurisdiction, isKnownCode } from '../../vocab/vocabulary';
import { caseTimeZone, isBlank } from '../step-helpers';
import { refuse, type StepDefinition, type StepEnv } from '../workflow-types';
import { type DraftChanges } from '../workflow-action';
import { seeksOnlyIdentification } from '../identification';
import { workflowMessage, type AssessmentStatement, type WorkflowMessage } from '../workflow-message';

const STATEMENTS: readonly AssessmentStatement[] = [
  'necessity',
  'proportionality',
  'nonDiscrimination',
  'minimisation',
];

export const updateDraftStep: StepDefinition<'update-draft'> = {
  type: 'update-draft',
  label: 'edit the draft',
  capacity: 'caseworker',
  sides: ['issuing'],
  stages: () => ['draft'],
  run(c, _actor, { changes }) {
    const problems = draftChangeProblems(changes);
    // Admissibility is what a complaint is checked for; a request or a measure is checked for proportionality.
    if (changes.admissibility !== undefined && c.kind !== 'rights-complaint')
      problems.push(workflowMessage('admissibility-not-for-kind', { kind: c.kind }));
    if (problems.length > 0) return refuse('invalid-input', problems);
    const next: Case = {
      ...c,
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.purpose !== undefined && { purpose: changes.purpose }),
      ...(changes.legalBasis !== undefined && { legalBasis: changes.legalBasis }),
      ...(changes.dataCategoryCodes !== undefined && {
        dataCategories: changes.dataCategoryCodes.map((code) => ({
          code,
          sensitivity: findDataCategory(code)?.sensitivity ?? 'sensitive',
        })),
      }),
      ...(changes.dataTimeRange !== undefined && { dataTimeRange: changes.dataTimeRange }),
      ...(changes.assessment !== undefined && {
        assessment: { ...EMPTY_ASSESSMENT, ...c.assessment, ...definedOnly(changes.assessment) },
      }),
      ...(changes.admissibility !== undefined && { admissibility: changes.admissibility }),
      ...(changes.emergency !== undefined && {
        emergency: changes.emergency === null ? null : { ...changes.emergency, reviews: c.emergency?.reviews ?? [] },
      }),
      ...(changes.retention !== undefined && { retention: changes.retention }),
      ...(changes.partnerJurisdiction !== undefined && { partnerJurisdiction: changes.partnerJurisdiction }),
      ...(changes.procedure !== undefined && { procedure: changes.procedure }),
      ...(changes.parties !== undefined && { parties: changes.parties }),
      ...(changes.affectedPeople !== undefined && {
        affectedPeople: changes.affectedPeople.map((p) => ({ ...p, notice: { state: 'pending' as const } })),
      }),
      ...(changes.partnerReferences !== undefined && {
        references: { ...c.references, partner: changes.partnerReferences },
      }),
    };
    // Field names only: the values may be personal data, and the audit trail outlives the purge. The one value kept
    // is an emergency's sunset (a date, never the justification), so an oversight body can count emergency measures
    // from the trail as the transparency report does (docs/oversight.md §7).
    return {
      ok: true,
      case: next,
      toStage: 'draft',
      details: {
        fields: Object.entries(changes)
          .flatMap(([k, v]) => (v === undefined ? [] : [k]))
          .sort(),
        ...(changes.emergency !== undefined && { emergencySunsetAt: changes.emergency?.sunsetAt ?? null }),
      },
    };
  },
};

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function draftChangeProblems(changes: DraftChanges): WorkflowMessage[] {
  const problems: WorkflowMessage[] = [];
  if (changes.legalBasis?.code && !isKnownCode('legal-bases', changes.legalBasis.code)) {
    problems.push(workflowMessage('legal-basis-unknown', { legalBasis: changes.legalBasis.code }));
  }
  for (const code of changes.dataCategoryCodes ?? []) {
    if (!findDataCategory(code)) problems.push(workflowMessage('data-category-unknown', { category: code }));
  }
  if (changes.dataCategoryCodes && new Set(changes.dataCategoryCodes).size !== changes.dataCategoryCodes.length) {
    problems.push(workflowMessage('data-category-twice'));
  }
  if (changes.partnerJurisdiction && !findJurisdiction(changes.partnerJurisdiction)) {
    problems.push(workflowMessage('jurisdiction-unknown', { jurisdiction: changes.partnerJurisdiction }));
  }
  if (changes.procedure && !findProcedureTemplate(changes.procedure)) {
    problems.push(
      workflowMessage('procedure-unknown', { procedure: changes.procedure.id, version: changes.procedure.version }),
    );
  }
  const ids = changes.affectedPeople?.map((p) => p.id) ?? [];
  if (new Set(ids).size !== ids.length) problems.push(workflowMessage('person-id-twice'));
  const partyIds = changes.parties?.map((p) => p.id) ?? [];
  if (new Set(partyIds).size !== partyIds.length) problems.push(workflowMessage('party-id-twice'));
  return problems;
}

/** Everything authorisation needs; empty when the case may be authorised. */
export function authorisationGaps(c: Case, actorId: string, env: StepEnv): WorkflowMessage[] {
  const gaps = c.kind === 'rights-complaint' ? admissionGaps(c) : thresholdGaps(c);
  if (c.legalBasis.code === null) gaps.push(workflowMessage('legal-basis-not-chosen'));
  else if (!isKnownCode('legal-bases', c.legalBasis.code))
    gaps.push(workflowMessage('legal-basis-unknown', { legalBasis: c.legalBasis.code }));
  if (isBlank(c.purpose)) gaps.push(workflowMessage('purpose-empty'));
  if (c.kind === 'data-access-request') {
    if (c.dataCategories.length === 0) gaps.push(workflowMessage('no-data-category'));
    if (c.partnerJurisdiction === null) gaps.push(workflowMessage('partner-not-set'));
  }
  if (c.dataTimeRange && Date.parse(c.dataTimeRange.to) < Date.parse(c.dataTimeRange.from)) {
    gaps.push(workflowMessage('data-range-reversed'));
  }
  // A request to identify an unknown user names nobody yet: the person is recorded once the response identifies them.
  if (c.affectedPeople.length === 0 && !seeksOnlyIdentification(c)) {
    gaps.push(workflowMessage(c.kind === 'rights-complaint' ? 'complainant-not-recorded' : 'no-affected-person'));
  }
  c.affectedPeople.forEach((person, index) => {
    if (isBlank(person.name)) gaps.push(workflowMessage('person-no-name', { n: index + 1 }));
    if (isBlank(person.contactForNotice)) gaps.push(workflowMessage('person-no-contact', { n: index + 1 }));
  });
  if (c.emergency) {
    if (isBlank(c.emergency.justification)) gaps.push(workflowMessage('emergency-justification-empty'));
    if (Date.parse(c.emergency.sunsetAt) <= env.nowMs) gaps.push(workflowMessage('emergency-sunset-not-future'));
  }
  if (c.retention.purgeAt === null) gaps.push(workflowMessage('retention-not-set'));
  else if (Date.parse(c.retention.purgeAt) <= env.nowMs) gaps.push(workflowMessage('retention-not-future'));
  const template = findProcedureTemplate(c.procedure);
  if (!template)
    gaps.push(workflowMessage('procedure-unknown', { procedure: c.procedure.id, version: c.procedure.version }));
  else if (!template.appliesTo.includes(c.kind))
    gaps.push(workflowMessage('procedure-not-for-kind', { template: template.title, kind: c.kind }));
  else {
    // A template that replaced another on a date (Reg. (EU) 2025/2518 from 2 April 2027) applies by opening date.
    const openedOn = openedOnDate(c.createdAt, caseTimeZone(c));
    if (!templateAppliesTo(template, c.kind, openedOn))
      gaps.push(
        workflowMessage('procedure-not-in-force', {
          template: template.title,
          openedOn,
          from: template.applicableFrom ?? '',
          until: template.applicableUntil ?? '',
        }),
      );
  }
  if (env.settings.requireSecondPersonAuthorisation && actorId === c.createdBy) {
    gaps.push(workflowMessage('second-person-required'));
  }
  return gaps;
}

/** A data request or an enforcement measure interferes with rights: each of the four statements must say why it may. */
const thresholdGaps = (c: Case): WorkflowMessage[] =>
  STATEMENTS.filter((statement) => isBlank(c.assessment[statement])).map((statement) =>
    workflowMessage('statement-empty', { statement }),
  );

/**
 * A rights complaint asks for nothing to be taken from anyone, so proportionality is not its question: authorising
 * it admits it, and admission needs every admissibility question answered "yes", with reasons.
 */
export const admissionGaps = (c: Case): WorkflowMessage[] =>
  admissibilityGaps(c.admissibility).map((gap) => {
    switch (gap.kind) {
      case 'unanswered':
        return workflowMessage('admissibility-unanswered', { question: gap.question });
      case 'unclear':
        return workflowMessage('admissibility-unclear', { question: gap.question });
      case 'not-met':
        return workflowMessage('admissibility-not-met', { question: gap.question });
      case 'reasons-empty':
        return workflowMessage('admissibility-reasons-empty');
    }
  });

export const authoriseStep: StepDefinition<'authorise'> = {
  type: 'authorise',
  label: 'authorise the case',
  capacity: 'authorise',
  sides: ['issuing'],
  stages: () => ['draft'],
  gate: (c, actor, env) => authorisationGaps(c, actor.id, env),
  run(c, actor, _action, env) {
    return {
      ok: true,
      case: {
        ...c,
        authorisation: { by: actor.id, at: env.now, secondPerson: env.settings.requireSecondPersonAuthorisation },
      },
      toStage: 'authorised',
      // Dates, codes and case-local person ids only: what an oversight body needs to check the case from its trail
      // (the rule in force, the procedure, the emergency's sunset, the purge date, who is owed notice).
      details: {
        secondPerson: env.settings.requireSecondPersonAuthorisation,
        emergency: c.emergency !== null,
        procedure: c.procedure.id,
        procedureVersion: c.procedure.version,
        sunsetAt: c.emergency?.sunsetAt ?? null,
        purgeAt: c.retention.purgeAt,
        people: c.affectedPeople.map((p) => p.id),
      },
    };
  },
};

export const withdrawStep: StepDefinition<'withdraw'> = {
  type: 'withdraw',
  label: 'withdraw the case',
  capacity: 'caseworker',
  sides: ['issuing'],
  stages: () => ['draft', 'authorised', 'request-sent', 'response-received', 'notice', 'challenge-window'],
  // Withdrawing never ends a person's right to be told once the case has reached them.
  gate: (c, _actor, env) => rightToKnowGaps(c, env.nowMs),
  run(c, actor, { reason }, env) {
    if (isBlank(reason)) return refuse('invalid-input', [workflowMessage('withdrawal-needs-reason')]);
    return {
      ok: true,
      case: {
        ...c,
        closure: { at: env.now, by: actor.id, reason: 'withdrawn', note: reason },
        deadlines: c.deadlines.map((d) => (d.metAt === null ? { ...d, metAt: env.now } : d)),
      },
      toStage: 'closed',
      details: { closure: 'withdrawn' },
    };
  },
};

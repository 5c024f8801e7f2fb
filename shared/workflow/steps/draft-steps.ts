import { rightToKnowGaps } from '../right-to-know';
import { type Case } from '../../domain/case';
import { EMPTY_ASSESSMENT, missingAssessmentStatements } from '../../domain/threshold-assessment';
import { findProcedureTemplate } from '../../procedures/procedure-registry';
import { findDataCategory, findJurisdiction, isKnownCode } from '../../vocab/vocabulary';
import { isBlank } from '../step-helpers';
import { refuse, type StepDefinition, type StepEnv } from '../workflow-types';
import { type DraftChanges } from '../workflow-action';

export const updateDraftStep: StepDefinition<'update-draft'> = {
  type: 'update-draft',
  label: 'edit the draft',
  capacity: 'caseworker',
  stages: () => ['draft'],
  run(c, _actor, { changes }) {
    const problems = draftChangeProblems(changes);
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
    // Field names only: the values may be personal data, and the audit trail outlives the purge.
    return {
      ok: true,
      case: next,
      toStage: 'draft',
      details: {
        fields: Object.entries(changes)
          .flatMap(([k, v]) => (v === undefined ? [] : [k]))
          .sort(),
      },
    };
  },
};

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function draftChangeProblems(changes: DraftChanges): string[] {
  const problems: string[] = [];
  if (changes.legalBasis?.code && !isKnownCode('legal-bases', changes.legalBasis.code)) {
    problems.push(`legal basis "${changes.legalBasis.code}" is not in the legal-bases vocabulary`);
  }
  for (const code of changes.dataCategoryCodes ?? []) {
    if (!findDataCategory(code)) problems.push(`data category "${code}" is not in the data-categories vocabulary`);
  }
  if (changes.dataCategoryCodes && new Set(changes.dataCategoryCodes).size !== changes.dataCategoryCodes.length) {
    problems.push('a data category is listed twice');
  }
  if (changes.partnerJurisdiction && !findJurisdiction(changes.partnerJurisdiction)) {
    problems.push(`jurisdiction "${changes.partnerJurisdiction}" is not in the jurisdictions vocabulary`);
  }
  if (changes.procedure && !findProcedureTemplate(changes.procedure)) {
    problems.push(`procedure template "${changes.procedure.id}" version ${changes.procedure.version} is not known`);
  }
  const ids = changes.affectedPeople?.map((p) => p.id) ?? [];
  if (new Set(ids).size !== ids.length) problems.push('two affected people have the same id');
  const partyIds = changes.parties?.map((p) => p.id) ?? [];
  if (new Set(partyIds).size !== partyIds.length) problems.push('two parties have the same id');
  return problems;
}

/** Everything authorisation needs, as sentences; empty when the case may be authorised. */
export function authorisationGaps(c: Case, actorId: string, env: StepEnv): string[] {
  const gaps = [...missingAssessmentStatements(c.assessment)];
  if (c.legalBasis.code === null) gaps.push('legal basis is not chosen');
  else if (!isKnownCode('legal-bases', c.legalBasis.code))
    gaps.push(`legal basis "${c.legalBasis.code}" is not in the vocabulary`);
  if (isBlank(c.purpose)) gaps.push('purpose is empty');
  if (c.kind === 'data-access-request') {
    if (c.dataCategories.length === 0) gaps.push('no data category is selected');
    if (c.partnerJurisdiction === null) gaps.push('partner jurisdiction is not set');
  }
  if (c.dataTimeRange && Date.parse(c.dataTimeRange.to) < Date.parse(c.dataTimeRange.from)) {
    gaps.push('the data time range ends before it starts');
  }
  if (c.affectedPeople.length === 0) {
    gaps.push(
      c.kind === 'rights-complaint'
        ? 'the complainant is not recorded as an affected person'
        : 'no affected person is recorded to receive notice (for an enforcement action, add the controller as notice recipient)',
    );
  }
  c.affectedPeople.forEach((person, index) => {
    if (isBlank(person.name)) gaps.push(`affected person ${index + 1} has no name`);
    if (isBlank(person.contactForNotice)) gaps.push(`affected person ${index + 1} has no contact for notice`);
  });
  if (c.emergency) {
    if (isBlank(c.emergency.justification)) gaps.push('emergency justification is empty');
    if (Date.parse(c.emergency.sunsetAt) <= env.nowMs) gaps.push('emergency sunset date must be in the future');
  }
  if (c.retention.purgeAt === null) gaps.push('retention end (the date the case data is purged) is not set');
  else if (Date.parse(c.retention.purgeAt) <= env.nowMs) gaps.push('retention end must be in the future');
  const template = findProcedureTemplate(c.procedure);
  if (!template) gaps.push(`procedure template "${c.procedure.id}" version ${c.procedure.version} is not known`);
  else if (!template.appliesTo.includes(c.kind))
    gaps.push(`procedure template "${template.title}" does not apply to this kind of case`);
  if (env.settings.requireSecondPersonAuthorisation && actorId === c.createdBy) {
    gaps.push(
      'this office requires a second person: someone other than the person who opened the case must authorise it',
    );
  }
  return gaps;
}

export const authoriseStep: StepDefinition<'authorise'> = {
  type: 'authorise',
  label: 'authorise the case',
  capacity: 'authorise',
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
      details: { secondPerson: env.settings.requireSecondPersonAuthorisation, emergency: c.emergency !== null },
    };
  },
};

export const withdrawStep: StepDefinition<'withdraw'> = {
  type: 'withdraw',
  label: 'withdraw the case',
  capacity: 'caseworker',
  stages: () => ['draft', 'authorised', 'request-sent', 'response-received', 'notice', 'challenge-window'],
  // Withdrawing never ends a person's right to be told once the case has reached them.
  gate: (c, _actor, env) => rightToKnowGaps(c, env.nowMs),
  run(c, actor, { reason }, env) {
    if (isBlank(reason)) return refuse('invalid-input', ['withdrawal needs a reason']);
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

import { type CaseKind } from '../domain/case-stage';
import { formatCivilDate } from '../deadlines/civil-date';
import { localDateAt } from '../deadlines/zoned-time';
import {
  type ProcedureRef,
  type ProcedureTemplate,
  procedureTemplateSchema,
  type ProcedurePeriod,
  templateAppliesTo,
} from './procedure-template';
import generic from './templates/generic-notice-challenge-decision.json';
import gdprArt56 from './templates/gdpr-art56-local-case.json';
import gdprArt60 from './templates/gdpr-art60-draft-decision.json';
import gdprArt61 from './templates/gdpr-art61-mutual-assistance.json';
import eioArt12 from './templates/eio-art12-recognition-execution.json';
import epoProduction from './templates/epo-2023-1543-production-order.json';
import epoPreservation from './templates/epo-2023-1543-preservation-order.json';
import gdprArt12 from './templates/gdpr-art12-data-subject-request.json';
import gdprArt66 from './templates/gdpr-art66-urgency-procedure.json';
import gdpr2025 from './templates/gdpr-2025-2518-cross-border-enforcement.json';

/** Template files are data: they are parsed (not trusted) when the module loads, so a bad edit fails every test. */
export const PROCEDURE_TEMPLATES: readonly ProcedureTemplate[] = [
  generic,
  gdprArt56,
  gdprArt60,
  gdprArt61,
  eioArt12,
  epoProduction,
  epoPreservation,
  gdprArt12,
  gdprArt66,
  gdpr2025,
].map((data) => procedureTemplateSchema.parse(data));

/** Where a template sets no challenge window or decision period, these defaults from the generic template apply. */
export const DEFAULT_PROCEDURE: ProcedureRef = { id: 'generic-notice-challenge-decision', version: 1 };

/**
 * The template a case refers to. A case stored with an older version of a template resolves to the newest version
 * shipped (a new version corrects the legal rule; periods already running keep the rule they copied when they
 * started). A version newer than any shipped is unknown.
 */
export function findProcedureTemplate(ref: ProcedureRef): ProcedureTemplate | undefined {
  const versions = PROCEDURE_TEMPLATES.filter((t) => t.id === ref.id);
  const exact = versions.find((t) => t.version === ref.version);
  if (exact) return exact;
  const newest = versions.reduce<ProcedureTemplate | undefined>(
    (best, t) => (best === undefined || t.version > best.version ? t : best),
    undefined,
  );
  return newest && ref.version < newest.version ? newest : undefined;
}

/** The local date (YYYY-MM-DD) a case was opened on, in its office's time zone: it decides which templates apply. */
export const openedOnDate = (createdAt: string, timeZone: string): string =>
  formatCivilDate(localDateAt(Date.parse(createdAt), timeZone));

/** The templates offered for a case of this kind opened on this date (Reg. 2025/2518 from 2 April 2027, etc.). */
export const proceduresFor = (kind: CaseKind, openedOn: string): readonly ProcedureTemplate[] =>
  PROCEDURE_TEMPLATES.filter((t) => templateAppliesTo(t, kind, openedOn));

/** The period a workflow step uses: the case's template first, then the default template. */
export function periodForPurpose(
  ref: ProcedureRef,
  purpose: 'response' | 'challenge-window' | 'decision',
): { template: ProcedureTemplate; period: ProcedurePeriod } | undefined {
  const own = findProcedureTemplate(ref);
  const ownPeriod = own?.periods.find((p) => p.purpose === purpose);
  if (own && ownPeriod) return { template: own, period: ownPeriod };
  if (purpose === 'response') return undefined;
  const fallback = findProcedureTemplate(DEFAULT_PROCEDURE);
  const fallbackPeriod = fallback?.periods.find((p) => p.purpose === purpose);
  return fallback && fallbackPeriod ? { template: fallback, period: fallbackPeriod } : undefined;
}

import {
  type ProcedureRef,
  type ProcedureTemplate,
  procedureTemplateSchema,
  type ProcedurePeriod,
} from './procedure-template';
import generic from './templates/generic-notice-challenge-decision.json';
import gdprArt56 from './templates/gdpr-art56-local-case.json';
import gdprArt60 from './templates/gdpr-art60-draft-decision.json';
import gdprArt61 from './templates/gdpr-art61-mutual-assistance.json';
import eioArt12 from './templates/eio-art12-recognition-execution.json';
import epoProduction from './templates/epo-2023-1543-production-order.json';
import epoPreservation from './templates/epo-2023-1543-preservation-order.json';

/** Template files are data: they are parsed (not trusted) when the module loads, so a bad edit fails every test. */
export const PROCEDURE_TEMPLATES: readonly ProcedureTemplate[] = [
  generic,
  gdprArt56,
  gdprArt60,
  gdprArt61,
  eioArt12,
  epoProduction,
  epoPreservation,
].map((data) => procedureTemplateSchema.parse(data));

/** Where a template sets no challenge window or decision period, these defaults from the generic template apply. */
export const DEFAULT_PROCEDURE: ProcedureRef = { id: 'generic-notice-challenge-decision', version: 1 };

export function findProcedureTemplate(ref: ProcedureRef): ProcedureTemplate | undefined {
  return PROCEDURE_TEMPLATES.find((t) => t.id === ref.id && t.version === ref.version);
}

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

import { type Case } from '../domain/case';
import { caseSide } from '../domain/case-side';
import { type TrackedDeadline } from '../deadlines/tracked-deadline';
import { findProcedureTemplate } from '../procedures/procedure-registry';

/** Who must act before a deadline: this office, or the other side (the partner authority, or a provider there). */
export type ActingParty = 'office' | 'partner';

/**
 * The party a deadline waits for. A template period's clock names the authority that must act ("partner", or the
 * "originating" office); on a request received from another office that partner is this office itself, and a
 * period marked `atReceivingOffice` is always ours. A period whose template is not known counts as ours, so an
 * unknown deadline is never hidden from the overdue list.
 */
export function actingParty(
  c: Pick<Case, 'side'>,
  deadline: Pick<TrackedDeadline, 'templateId' | 'templateVersion' | 'periodId'>,
): ActingParty {
  const period = findProcedureTemplate({ id: deadline.templateId, version: deadline.templateVersion })?.periods.find(
    (p) => p.id === deadline.periodId,
  );
  if (period === undefined) return 'office';
  if (caseSide(c) === 'executing') return period.atReceivingOffice || period.clock === 'partner' ? 'office' : 'partner';
  return period.clock === 'partner' ? 'partner' : 'office';
}

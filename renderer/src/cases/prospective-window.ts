import type { Case } from '@shared/domain/case';
import { startDeadline } from '@shared/deadlines/tracked-deadline';
import { periodForPurpose } from '@shared/procedures/procedure-registry';
import type { OfficeSettings } from '@shared/workflow/workflow-types';
import { clockFor, isEmergencyActive, runningDeadline } from '@shared/workflow/step-helpers';

/**
 * The challenge deadline a notice issued at `nowMs` would give: the running window if one runs, else the window
 * the workflow will start when the notice is recorded (same template, same calendar rules).
 */
export function prospectiveChallengeDeadline(
  c: Case,
  nowMs: number,
  settings: Pick<OfficeSettings, 'holidayRegions'>,
): string | null {
  const running = runningDeadline(c, 'challenge-window');
  const found = periodForPurpose(c.procedure, 'challenge-window');
  if (!found) return running?.dueAt ?? null;
  const started = startDeadline({
    id: 'preview',
    template: found.template,
    period: found.period,
    startedAt: new Date(nowMs).toISOString(),
    emergency: isEmergencyActive(c, nowMs),
    clock: clockFor(c, found.period.clock, settings),
  });
  // Issuing restarts the window from the latest notice, so the new window is what this person gets.
  return started.ok ? started.value.dueAt : (running?.dueAt ?? null);
}

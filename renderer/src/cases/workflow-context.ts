import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { Clock, OfficeSettings, WorkflowContext } from '@shared/workflow/workflow-types';

/** The real clock. Tests move it with Playwright's page.clock, so there is no backdoor in the app. */
export const systemClock: Clock = { now: () => new Date() };

export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = { requireSecondPersonAuthorisation: false };

export function workflowContext(
  kit: CryptoKit,
  settings: OfficeSettings = DEFAULT_OFFICE_SETTINGS,
  clock: Clock = systemClock,
): WorkflowContext {
  return { clock, hash: (bytes) => kit.hash(bytes, 32), settings };
}

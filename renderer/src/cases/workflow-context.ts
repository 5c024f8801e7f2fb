import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { AuditSigner } from '@shared/audit/event-signature';
import type { Clock, OfficeSettings, WorkflowContext } from '@shared/workflow/workflow-types';

/** The real clock. Tests move it with Playwright's page.clock, so there is no backdoor in the app. */
export const systemClock: Clock = { now: () => new Date() };

export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = { requireSecondPersonAuthorisation: false, holidayRegions: {} };

/** `signer` is the vault's keyring: events are signed by whoever is signed in (or co-signing) when they are sealed. */
export function workflowContext(
  kit: CryptoKit,
  signer: AuditSigner,
  settings: OfficeSettings = DEFAULT_OFFICE_SETTINGS,
  clock: Clock = systemClock,
): WorkflowContext {
  return { clock, hash: (bytes) => kit.hash(bytes, 32), signer, settings };
}

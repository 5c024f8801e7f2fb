import type { CryptoKit } from '../../crypto/crypto-kit';
import { ok, type Result } from '../../result';
import { pseudonymousCaseRef } from '../case-reference';
import { verifyOversightExport, type OversightVerifyError } from '../oversight-audit-export';
import { authorisationWithoutSecondPerson } from './authorisation-without-second-person';
import type { ComplianceFinding, FindingRule, OfficeRules } from './compliance-finding';
import { deadlineMissed } from './deadline-missed';
import { decisionByCaseworker } from './decision-by-caseworker';
import { deferralBeyondCap } from './deferral-beyond-cap';
import { emergencyPastSunset } from './emergency-past-sunset';
import { noticeLateOrNever } from './notice-late-or-never';
import { retentionNotPurged } from './retention-not-purged';
import { earlier } from './trail-reading';

/** Every rule the desk applies to each case, in the order findings are listed. */
export const FINDING_RULES: readonly FindingRule[] = [
  noticeLateOrNever,
  deferralBeyondCap,
  emergencyPastSunset,
  deadlineMissed,
  decisionByCaseworker,
  authorisationWithoutSecondPerson,
  retentionNotPurged,
];

export type ComplianceOptions = {
  /** Judge what never happened as of this instant; the export's own date when absent or later (nothing after it is known). */
  readonly asOf?: string;
  /** What the oversight body holds this office to, beyond what its trail records. */
  readonly rules?: OfficeRules;
};

export type ComplianceReport = {
  readonly office: { readonly name: string; readonly jurisdiction: string; readonly fingerprint: string };
  readonly asOf: string;
  /** Cases whose chains verified and were read. */
  readonly casesChecked: number;
  readonly findings: readonly ComplianceFinding[];
  /** Chains the office itself flagged as broken: nothing is concluded from them; they are listed to be followed up. */
  readonly unreadable: readonly { readonly caseRef: string; readonly message: string }[];
};

/**
 * Verifies an office's signed audit export exactly as `verifyOversightExport` does (office key from a verified key
 * card, signature, person certificates, every chain) and only then reads each verified chain for the findings. A file
 * that fails any check is refused whole, before any rule runs.
 */
export function findCompliance(
  kit: CryptoKit,
  untrustedBytes: Uint8Array,
  trustedSigningKeysHex: readonly string[],
  options: ComplianceOptions = {},
): Result<ComplianceReport, OversightVerifyError> {
  const verified = verifyOversightExport(kit, untrustedBytes, trustedSigningKeysHex);
  if (!verified.ok) return verified;
  const { body, fingerprint, brokenChains } = verified.value;
  const asOf = options.asOf === undefined ? body.generatedAt : earlier(options.asOf, body.generatedAt);
  const office = { name: body.office.name, jurisdiction: body.office.jurisdiction, fingerprint };
  const caseRef = (caseId: string) => pseudonymousCaseRef(kit, body.office.signingKey, caseId);
  const broken = new Set(brokenChains.map((chain) => chain.caseId));
  const readable = body.chains.filter((chain) => !broken.has(chain.caseId));
  const findings = readable.flatMap((chain) => {
    const trail = { events: chain.events, asOf, rules: options.rules ?? {} };
    const ref = caseRef(chain.caseId);
    return FINDING_RULES.flatMap((rule) => rule(trail)).map((finding) => ({ ...finding, office, caseRef: ref }));
  });
  return ok({
    office,
    asOf,
    casesChecked: readable.length,
    findings,
    unreadable: brokenChains.map((chain) => ({ caseRef: caseRef(chain.caseId), message: chain.message })),
  });
}

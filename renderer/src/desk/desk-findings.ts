import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { ComplianceFinding } from '@shared/oversight/findings/compliance-finding';
import { findCompliance } from '@shared/oversight/findings/find-compliance';
import type { DeskPeriodReport } from '../oversight/desk-records';

/** One office's findings across every export it sent, and the chains to follow up. */
export type OfficeFindings = {
  readonly officeKey: string;
  readonly officeName: string;
  readonly fingerprint: string;
  readonly findings: readonly ComplianceFinding[];
  readonly unreadable: readonly { readonly caseRef: string; readonly message: string }[];
  /** An export that no longer verifies (it did when imported): its English message, for the screen to show. */
  readonly failed: readonly string[];
};

/**
 * Runs the compliance rules (`findCompliance`: the export verified again against the key that sent it) over every
 * stored export, office by office. A case in two periods' exports shows a finding once (same type, case, event).
 */
export function deskFindings(kit: CryptoKit, reports: readonly DeskPeriodReport[], asOf: string): OfficeFindings[] {
  const offices = new Map<string, OfficeFindings & { seen: Set<string> }>();
  for (const report of reports) {
    const office = offices.get(report.officeKey) ?? {
      officeKey: report.officeKey,
      officeName: report.officeName,
      fingerprint: report.fingerprint,
      findings: [],
      unreadable: [],
      failed: [],
      seen: new Set<string>(),
    };
    const result = findCompliance(kit, new TextEncoder().encode(report.exportJson), [report.officeKey], { asOf });
    const findings = [...office.findings];
    const unreadable = [...office.unreadable];
    const failed = [...office.failed];
    if (!result.ok) failed.push(result.error.message);
    else {
      for (const finding of result.value.findings) {
        const key = `${finding.type}|${finding.caseRef}|${finding.eventHash}`;
        if (office.seen.has(key)) continue;
        office.seen.add(key);
        findings.push(finding);
      }
      for (const chain of result.value.unreadable)
        if (!unreadable.some((u) => u.caseRef === chain.caseRef)) unreadable.push(chain);
    }
    offices.set(report.officeKey, { ...office, findings, unreadable, failed });
  }
  return [...offices.values()]
    .map(({ seen: _seen, ...office }) => office)
    .sort((a, b) => a.officeName.localeCompare(b.officeName));
}

import type { AuditEvent } from '../../audit/audit-event';

/** What the desk looks for in an office's audit trails (issue #19); docs/oversight.md gives each rule and source. */
export const FINDING_TYPES = [
  'notice-late',
  'notice-never',
  'deferral-beyond-cap',
  'emergency-past-sunset',
  'deadline-missed',
  'decision-by-caseworker',
  'authorisation-without-second-person',
  'retention-not-purged',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** What one rule found on one case, before the office and the case's pseudonymous reference are attached. */
export type CaseFinding = {
  readonly type: FindingType;
  /** The event that shows it; for something that never happened, the event after which it became due. */
  readonly eventHash: string;
  /** Only for something that never happened: the instant it was judged as of. */
  readonly asOf: string | null;
  /** When it was due (period end, review date, sunset, purge date, longest deferral allowed), where the rule has one. */
  readonly dueAt: string | null;
  /** The rule's source as the procedure definition cites it, or "unverified" where no text confirms it. */
  readonly source: string;
};

/** A finding as the desk lists it: which office, which case (pseudonymous), what, and the event that shows it. */
export type ComplianceFinding = CaseFinding & {
  readonly office: { readonly name: string; readonly jurisdiction: string; readonly fingerprint: string };
  readonly caseRef: string;
};

/** What the oversight body knows of an office's own rules, beyond what its trail records. */
export type OfficeRules = {
  /** The office must have a second person authorise every case, whatever its settings said at the time. */
  readonly requireSecondPersonAuthorisation?: boolean;
};

/** One case's verified chain, as every rule reads it. */
export type VerifiedTrail = {
  readonly events: readonly AuditEvent[];
  /** Nothing after this instant is known (the export's date, or an earlier one the desk chose). */
  readonly asOf: string;
  readonly rules: OfficeRules;
};

export type FindingRule = (trail: VerifiedTrail) => CaseFinding[];

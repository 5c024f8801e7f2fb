/**
 * How long a case's free-text fields may be, in characters as a text field counts them (UTF-16 code units). Long
 * enough for any real statement (a purpose of 5,000 characters is two printed pages), short enough that a stray
 * paste cannot make a notice or a bundle unreadable. The forms show a counter and refuse to save above these.
 */
export const TEXT_LIMITS = {
  reference: 60,
  title: 200,
  platform: 200,
  legalBasisText: 1_000,
  purpose: 5_000,
  statement: 5_000,
  admissibilityReasons: 5_000,
  emergencyJustification: 5_000,
  retentionBasis: 1_000,
  personName: 200,
  personContact: 500,
} as const;

/** The earliest day a data period may start: older dates are almost always a typo in the year. */
export const EARLIEST_DATA_DAY = '1990-01-01';

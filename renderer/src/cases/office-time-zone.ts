import { findJurisdiction } from '@shared/vocab/vocabulary';

/**
 * The office's time zone, which decides where "today" and "this week" end: its jurisdiction's (the vocabulary's
 * seat of government, as deadlines use). Before the office profile is read, the computer's own.
 */
export const officeTimeZone = (jurisdiction: string | undefined): string =>
  findJurisdiction(jurisdiction ?? '')?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

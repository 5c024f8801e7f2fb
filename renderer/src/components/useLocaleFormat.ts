import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain/primitives';

const LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type LocaleFormat = {
  readonly language: Language;
  readonly locale: string;
  readonly date: (iso: string) => string;
  readonly dateTime: (iso: string) => string;
  /** Date and time to the second with the time zone, for records people compare across offices (a transmittal slip). */
  readonly dateTimeWithZone: (iso: string) => string;
  /** The time of day alone ("14:05"), for moments of today such as when a draft was kept. */
  readonly time: (iso: string) => string;
  readonly number: (value: number) => string;
  /** "in 3 days", "2 hours ago": how far a due date is from now, in the UI language. */
  readonly relative: (iso: string, nowMs: number) => string;
};

/** Dates, numbers and relative times formatted for the UI language through Intl. */
export function useLocaleFormat(): LocaleFormat {
  const { i18n } = useTranslation();
  const code = i18n.language.slice(0, 2);
  return useMemo(() => {
    const locale = LOCALES[code] ?? 'en-GB';
    const language: Language = code === 'fr' || code === 'de' || code === 'es' ? code : 'en';
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const zonedFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' });
    const numberFormat = new Intl.NumberFormat(locale);
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return {
      language,
      locale,
      date: (iso) => dateFormat.format(new Date(iso)),
      dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
      dateTimeWithZone: (iso) => zonedFormat.format(new Date(iso)),
      time: (iso) => timeFormat.format(new Date(iso)),
      number: (value) => numberFormat.format(value),
      relative: (iso, nowMs) => {
        const delta = Date.parse(iso) - nowMs;
        return Math.abs(delta) < 2 * DAY_MS
          ? relativeFormat.format(Math.round(delta / HOUR_MS), 'hour')
          : relativeFormat.format(Math.round(delta / DAY_MS), 'day');
      },
    };
  }, [code]);
}

/** `yyyy-mm-dd` for a date input, in local time. */
export function toDateInputValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date input's value as the end of that local day (a due date counts the whole day), or null if empty or invalid. */
export function endOfDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const d = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 0, 0);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

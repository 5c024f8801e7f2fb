import { useTranslation } from 'react-i18next';
import { calendarOf, parseCivilDate, recomputeDue, type DueExplanation } from '@shared/deadlines';
import type { TrackedDeadline } from '@shared/deadlines/tracked-deadline';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { SourceText } from '../../components/SourceText';

/** "How this date was counted": the rule's source and each reason the engine gives, in the interface language. */
export function DeadlineExplanation({ deadline }: { readonly deadline: TrackedDeadline }) {
  const { t } = useTranslation();
  const { locale, language } = useLocaleFormat();
  const dayFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (iso: string) => dayFormat.format(new Date(`${iso}T12:00:00Z`));
  const calendar = calendarOf(deadline.calendarJurisdiction);
  const holidayIn = (iso: string, fallback: string) => {
    const date = parseCivilDate(iso);
    return (date && calendar.holidayName(date, language)) ?? fallback;
  };
  const line = (explanation: DueExplanation): string => {
    switch (explanation.kind) {
      case 'clock-stopped':
        return t('deadline.explain.clockStopped');
      case 'time-added-back':
        return t('deadline.explain.timeAddedBack', { hours: explanation.hours.toFixed(1) });
      case 'rolled':
        return explanation.holiday === null
          ? t('deadline.explain.rolledWeekend', { from: day(explanation.from), to: day(explanation.to) })
          : t('deadline.explain.rolledHoliday', {
              from: day(explanation.from),
              to: day(explanation.to),
              holiday: holidayIn(explanation.from, explanation.holiday),
            });
      case 'two-working-days':
        return t('deadline.explain.twoWorkingDays', { to: day(explanation.to) });
      case 'working-days':
        return explanation.known
          ? t('deadline.explain.workingDays', { source: explanation.source })
          : t('deadline.explain.weekendsOnly', { jurisdiction: explanation.jurisdiction });
    }
  };
  const { explanations } = recomputeDue(deadline);
  return (
    <details className="clock__why">
      <summary>{t('deadline.why')}</summary>
      <ul>
        <li>
          {t('deadline.ruleLabel')} <SourceText text={deadline.source} />
        </li>
        {explanations.map((explanation, index) => (
          <li key={index}>{line(explanation)}</li>
        ))}
      </ul>
    </details>
  );
}

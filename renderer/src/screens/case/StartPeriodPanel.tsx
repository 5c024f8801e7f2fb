import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { findProcedureTemplate } from '@shared/procedures/procedure-registry';
import { useNow } from '../../cases/CasesProvider';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { toDateInputValue } from '../../components/useLocaleFormat';
import { useMayTake } from './ActionGate';
import { useCaseAction } from './useCaseAction';
import { useProcedureWords } from '../../components/useProcedureWords';
import { SourceText } from '../../components/SourceText';

/**
 * The instant a period starts from. For a period counted in days, a day: noon UTC on it, as only the day counts
 * (Reg. 1182/71 Art. 3(1)), but never before the request went out that same day. For one counted in hours (EIO
 * Art. 32(2): 24 hours), the local date and time entered. Never later than now.
 */
function startOf(value: string, c: Case, nowMs: number): string | null {
  const withTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (withTime) {
    const [, y, mo, d, h, mi] = withTime.map(Number);
    const local = new Date(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0).getTime();
    return Number.isNaN(local) ? null : new Date(Math.min(local, nowMs)).toISOString();
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  if (Number.isNaN(noon)) return null;
  const sentMs = c.request ? Date.parse(c.request.sentAt) : null;
  const sameDayAsSending = sentMs !== null && new Date(sentMs).toISOString().slice(0, 10) === value;
  const ms = Math.min(sameDayAsSending && sentMs !== null ? Math.max(noon, sentMs) : noon, nowMs);
  return new Date(ms).toISOString();
}

/** `yyyy-mm-ddThh:mm` for a datetime-local input, in local time. */
const toDateTimeInputValue = (ms: number): string => {
  const d = new Date(ms);
  return `${toDateInputValue(ms)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * Periods of the case's procedure that the workflow cannot start by itself: those the law counts from an event
 * only the caseworker learns of (the requested authority's receipt of a request, a recognition decision). The
 * caseworker records the day of the event; the period is counted from it.
 */
export function StartPeriodPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const words = useProcedureWords();
  const mayStart = useMayTake(c, 'start-period');
  const start = useCaseAction(c.id);
  const startable = (findProcedureTemplate(c.procedure)?.periods ?? []).filter(
    (p) => (p.startsOn === 'manual' || p.startsOn === 'receipt') && !c.deadlines.some((d) => d.periodId === p.id),
  );
  const [periodId, setPeriodId] = useState('');
  const now = useNow();
  const [day, setDay] = useState(() => toDateInputValue(now));
  const [moment, setMoment] = useState(() => toDateTimeInputValue(now));
  if (!mayStart || startable.length === 0) return null;
  const chosen = startable.find((p) => p.id === periodId) ?? startable[0];
  if (!chosen) return null;
  // A period counted in hours needs the hour of its start event, not only the day.
  const hours = chosen.duration.unit === 'hours';
  const entered = hours ? moment : day;
  return (
    <section aria-labelledby="start-period-title" className="panel" data-testid="start-period">
      <h2 id="start-period-title">{t('startPeriod.heading')}</h2>
      <p className="field__help">{t('startPeriod.help')}</p>
      <div className="field">
        <label htmlFor="start-period-choice">{t('startPeriod.period')}</label>
        <select id="start-period-choice" value={chosen.id} onChange={(e) => setPeriodId(e.target.value)}>
          {startable.map((p) => (
            <option key={p.id} value={p.id}>
              {words.period({ procedureId: c.procedure.id, periodId: p.id }, p.label)}
            </option>
          ))}
        </select>
        <SourceText className="field__help" text={chosen.source} />
      </div>
      {hours ? (
        <Field kind="datetime-local" label={t('startPeriod.receivedAt')} required value={moment} onChange={setMoment} />
      ) : (
        <Field
          kind="date"
          label={t(chosen.startsOn === 'receipt' ? 'startPeriod.receivedOn' : 'startPeriod.startedOn')}
          required
          value={day}
          onChange={setDay}
        />
      )}
      <MessageList title={t('case.notDone')} messages={start.messages} />
      <Button
        className="button button--quiet"
        isDisabled={start.busy || startOf(entered, c, now) === null}
        onPress={() => {
          // The clock at the press, not the last minute tick: a receipt recorded today is never before the sending.
          const startedAt = startOf(entered, c, Date.now());
          if (startedAt) void start.run({ type: 'start-period', periodId: chosen.id, startedAt });
        }}
      >
        {t('startPeriod.start')}
      </Button>
    </section>
  );
}

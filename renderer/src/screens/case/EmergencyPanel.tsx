import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { endOfDateInput, useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate } from './ActionGate';
import { useCaseAction } from './useCaseAction';

/** An emergency measure: its justification, sunset and reviews; continue it with reasons and a new sunset, or end it. */
export function EmergencyPanel({ c, now }: { readonly c: Case; readonly now: number }) {
  const { t } = useTranslation();
  const { dateTime, relative } = useLocaleFormat();
  const review = useCaseAction(c.id);
  const [reasons, setReasons] = useState('');
  const [until, setUntil] = useState('');
  const [end, setEnd] = useState(false);
  if (!c.emergency) return null;
  const ended = c.emergency.reviews.length > 0 && c.emergency.reviews.at(-1)?.newSunsetAt === null;
  const lapsed = !ended && Date.parse(c.emergency.sunsetAt) <= now;
  return (
    <section
      aria-labelledby="emergency-title"
      className={lapsed ? 'panel panel--alert' : 'panel'}
      data-testid="emergency"
    >
      <h2 id="emergency-title">{t('emergency.heading')}</h2>
      <p>{c.emergency.justification}</p>
      <p className={lapsed ? 'overdue-text' : undefined}>
        {ended
          ? t('emergency.ended', { date: dateTime(c.emergency.sunsetAt) })
          : t(lapsed ? 'emergency.lapsed' : 'emergency.sunset', {
              date: dateTime(c.emergency.sunsetAt),
              when: relative(c.emergency.sunsetAt, now),
            })}
      </p>
      {c.emergency.reviews.length > 0 ? (
        <ul>
          {c.emergency.reviews.map((r, index) => (
            <li key={index}>
              {dateTime(r.at)} — {r.reasons}{' '}
              {r.newSunsetAt ? `→ ${dateTime(r.newSunsetAt)}` : `(${t('emergency.endedShort')})`}
            </li>
          ))}
        </ul>
      ) : null}
      {!ended && c.stage !== 'draft' ? (
        <ActionGate c={c} type="review-emergency">
          <Field label={t('emergency.reasons')} required multiline value={reasons} onChange={setReasons} />
          <label className="choice">
            <input type="checkbox" checked={end} onChange={(e) => setEnd(e.target.checked)} />
            {t('emergency.end')}
          </label>
          {!end ? (
            <Field kind="date" label={t('emergency.newSunset')} required value={until} onChange={setUntil} />
          ) : null}
          <MessageList title={t('case.notDone')} messages={review.messages} />
          <Button
            className="button button--quiet"
            isDisabled={review.busy}
            onPress={() =>
              void review.run({
                type: 'review-emergency',
                reasons,
                newSunsetAt: end ? null : (endOfDateInput(until) ?? new Date(0).toISOString()),
              })
            }
          >
            {t('emergency.record')}
          </Button>
        </ActionGate>
      ) : null}
    </section>
  );
}

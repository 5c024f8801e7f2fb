import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { MANUAL_REQUEST_CHANNELS, type RequestChannel } from '@shared/domain/request-channel';
import { termLabel } from '@shared/vocab/vocabulary';
import { useNow } from '../../cases/CasesProvider';
import { useConfirmation } from '../../components/useConfirmation';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { toDateInputValue, useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate } from './ActionGate';
import { requestSentAt } from './request-sent-at';
import { useCaseAction } from './useCaseAction';

/**
 * Request step. The one primary way to send is a signed bundle (the exchange section under the case); a request
 * that went another way is recorded here with its channel, day and dispatch reference, after a confirmation. Then
 * the partner's response is recorded.
 */
export function RequestStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { dateTime, language } = useLocaleFormat();
  const respond = useCaseAction(c.id);
  const [summary, setSummary] = useState('');
  const confirmation = useConfirmation();
  return (
    <div className="step-panel">
      {c.request ? (
        <p data-testid="request-sent">
          {t('case.requestSentOn', { date: dateTime(c.request.sentAt) })}
          {c.request.channel ? ` ${t('case.sentBy', { channel: t(`case.channels.${c.request.channel}`) })}` : null}
          {c.request.reference ? ` ${t('case.dispatchReference', { reference: c.request.reference })}` : null}
        </p>
      ) : null}
      {c.response ? (
        <div data-testid="response">
          <p>
            {t('case.responseOn', { date: dateTime(c.response.receivedAt) })} {c.response.summary}
          </p>
          {c.response.responderReference ? (
            <p>{t('case.responderReference', { reference: c.response.responderReference })}</p>
          ) : null}
          {c.response.recognition ? (
            <p data-testid="partner-recognition">
              {t(`recognition.partner.${c.response.recognition.outcome}`)}
              {c.response.recognition.grounds.length > 0
                ? ` ${c.response.recognition.grounds.map((code) => termLabel('refusal-grounds', code, language)).join('; ')}`
                : null}
            </p>
          ) : null}
        </div>
      ) : null}
      {c.stage === 'authorised' ? (
        <ActionGate c={c} type="send-request">
          <p className="field__help">{t('case.sendHelp')}</p>
          <SentAnotherWay c={c} />
        </ActionGate>
      ) : null}
      {c.stage === 'request-sent' ? (
        <ActionGate c={c} type="record-response">
          <Field label={t('case.responseSummary')} required multiline value={summary} onChange={setSummary} />
          <MessageList title={t('case.notDone')} messages={respond.messages} />
          <Button
            className="button"
            isDisabled={respond.busy}
            onPress={() =>
              confirmation.ask({
                title: t('confirm.recordResponse.title'),
                consequences: [t('confirm.recordResponse.stage'), t('confirm.reopenable')],
                confirmLabel: t('case.recordResponse'),
                onConfirm: () => void respond.run({ type: 'record-response', summary }),
              })
            }
          >
            {t('case.recordResponse')}
          </Button>
          {confirmation.dialog}
        </ActionGate>
      ) : null}
    </div>
  );
}

/** "It went another way": how, on which day, under which dispatch reference; confirmed before the case moves on. */
function SentAnotherWay({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { date } = useLocaleFormat();
  const now = useNow();
  const send = useCaseAction(c.id);
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<RequestChannel | ''>('');
  const [day, setDay] = useState(() => toDateInputValue(now));
  const [reference, setReference] = useState('');
  const [attempted, setAttempted] = useState(false);
  const confirmation = useConfirmation();
  if (!open)
    return (
      <Button className="button button--quiet" onPress={() => setOpen(true)}>
        {t('case.sentAnotherWay')}
      </Button>
    );
  const dayValid = requestSentAt(day, now) !== null;
  const channelError = attempted && channel === '' ? t('case.channelMissing') : null;
  const dayError = attempted && !dayValid ? t('case.sentDayMissing') : null;
  return (
    <div className="form" role="group" aria-label={t('case.sentAnotherWay')}>
      <SelectField
        label={t('case.channel')}
        required
        value={channel}
        onChange={(v) => setChannel(MANUAL_REQUEST_CHANNELS.find((m) => m === v) ?? '')}
        options={[
          { value: '', label: t('case.channelChoose') },
          ...MANUAL_REQUEST_CHANNELS.map((m) => ({ value: m, label: t(`case.channels.${m}`) })),
        ]}
        error={channelError}
      />
      <Field kind="date" label={t('case.sentOnDay')} required value={day} onChange={setDay} error={dayError} />
      <Field
        label={t('case.dispatchReferenceLabel')}
        help={t('case.dispatchReferenceHelp')}
        value={reference}
        onChange={setReference}
      />
      <MessageList title={t('case.notDone')} messages={send.messages} />
      <div className="form-actions">
        <Button className="button button--quiet" onPress={() => setOpen(false)}>
          {t('confirm.cancel')}
        </Button>
        <Button
          className="button"
          isDisabled={send.busy}
          onPress={() => {
            setAttempted(true);
            // The clock at the press, not the last minute tick: "today" means the moment it is recorded.
            const sentAt = requestSentAt(day, Date.now());
            if (channel === '' || sentAt === null) return;
            confirmation.ask({
              title: t('confirm.sendRequest.title'),
              consequences: [
                t('confirm.sendRequest.periods', { date: date(sentAt) }),
                t('confirm.sendRequest.bundleStill'),
                t('confirm.reopenable'),
              ],
              confirmLabel: t('case.recordSent'),
              onConfirm: () => void send.run({ type: 'send-request', channel, sentAt, reference }),
            });
          }}
        >
          {t('case.recordSent')}
        </Button>
      </div>
      {confirmation.dialog}
    </div>
  );
}

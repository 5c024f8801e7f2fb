import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { termLabel } from '@shared/vocab/vocabulary';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate } from './ActionGate';
import { useCaseAction } from './useCaseAction';

/** Request step: send the authorised request; record the partner's response. */
export function RequestStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { dateTime, language } = useLocaleFormat();
  const send = useCaseAction(c.id);
  const respond = useCaseAction(c.id);
  const [summary, setSummary] = useState('');
  return (
    <div className="step-panel">
      {c.request ? <p>{t('case.requestSentOn', { date: dateTime(c.request.sentAt) })}</p> : null}
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
          <MessageList title={t('case.notDone')} messages={send.messages} />
          <Button className="button" onPress={() => void send.run({ type: 'send-request' })} isDisabled={send.busy}>
            {t('case.sendRequest')}
          </Button>
        </ActionGate>
      ) : null}
      {c.stage === 'request-sent' ? (
        <ActionGate c={c} type="record-response">
          <Field label={t('case.responseSummary')} required multiline value={summary} onChange={setSummary} />
          <MessageList title={t('case.notDone')} messages={respond.messages} />
          <Button
            className="button"
            onPress={() => void respond.run({ type: 'record-response', summary })}
            isDisabled={respond.busy}
          >
            {t('case.recordResponse')}
          </Button>
        </ActionGate>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { VOCABULARIES } from '@shared/vocab/vocabulary';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useTerms } from '../../components/useTerms';
import { ActionGate } from '../case/ActionGate';
import { useCaseAction } from '../case/useCaseAction';

/** Record a challenge (grounds from the vocabulary, the person's statement); or close a window that lapsed unchallenged. */
export function ChallengeStep({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { term } = useTerms();
  const { dateTime } = useLocaleFormat();
  const id = useId();
  const lodge = useCaseAction(c.id);
  const closeWindow = useCaseAction(c.id);
  const notified = c.affectedPeople.filter((p) => c.kind === 'rights-complaint' || p.notice.state === 'issued');
  const [personId, setPersonId] = useState<string>(notified[0]?.id ?? '');
  const [grounds, setGrounds] = useState<readonly string[]>([]);
  const [statement, setStatement] = useState('');
  const [attachments, setAttachments] = useState<readonly string[]>([]);

  if (c.challenge) {
    return (
      <div className="step-panel">
        <dl className="facts">
          <dt>{t('challenge.lodgedAt')}</dt>
          <dd>{dateTime(c.challenge.lodgedAt)}</dd>
          <dt>{t('challenge.grounds')}</dt>
          <dd>{c.challenge.grounds.map((g) => term('challenge-grounds', g)).join(', ')}</dd>
          <dt>{t('challenge.statement')}</dt>
          <dd>{c.challenge.statement}</dd>
          <dt>{t('challenge.attachments')}</dt>
          <dd>
            {c.challenge.attachmentIds.map((aid) => c.evidence.find((e) => e.id === aid)?.title ?? aid).join(', ') ||
              '—'}
          </dd>
        </dl>
      </div>
    );
  }
  return (
    <div className="step-panel">
      <ActionGate c={c} type="lodge-challenge">
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void lodge.run({
              type: 'lodge-challenge',
              personId: personId || null,
              grounds: [...grounds],
              statement,
              attachmentIds: [...attachments],
            });
          }}
        >
          <h3>{t('challenge.heading')}</h3>
          <SelectField
            label={t('challenge.person')}
            value={personId}
            onChange={setPersonId}
            options={[
              ...notified.map((p) => ({ value: p.id, label: p.name })),
              { value: '', label: t('challenge.party') },
            ]}
          />
          <div className="checkbox-grid" role="group" aria-labelledby={`${id}-grounds`}>
            <span id={`${id}-grounds`} className="field__label">
              {t('challenge.grounds')} <span aria-hidden="true">*</span>
            </span>
            {VOCABULARIES['challenge-grounds'].terms.map((g) => (
              <label key={g.code} className="choice">
                <input
                  type="checkbox"
                  checked={grounds.includes(g.code)}
                  onChange={(e) =>
                    setGrounds(e.target.checked ? [...grounds, g.code] : grounds.filter((x) => x !== g.code))
                  }
                />
                {term('challenge-grounds', g.code)}
              </label>
            ))}
          </div>
          <Field
            label={t('challenge.statement')}
            required
            multiline
            rows={4}
            value={statement}
            onChange={setStatement}
          />
          {c.evidence.length > 0 ? (
            <div className="checkbox-grid" role="group" aria-labelledby={`${id}-attachments`}>
              <span id={`${id}-attachments`} className="field__label">
                {t('challenge.attachments')}
              </span>
              {c.evidence.map((item) => (
                <label key={item.id} className="choice">
                  <input
                    type="checkbox"
                    checked={attachments.includes(item.id)}
                    onChange={(e) =>
                      setAttachments(
                        e.target.checked ? [...attachments, item.id] : attachments.filter((x) => x !== item.id),
                      )
                    }
                  />
                  {item.title}
                </label>
              ))}
            </div>
          ) : (
            <p className="field__help">{t('challenge.attachmentsHelp')}</p>
          )}
          <MessageList title={t('challenge.notRecorded')} messages={lodge.messages} />
          <Button type="submit" className="button" isDisabled={lodge.busy}>
            {t('challenge.lodge')}
          </Button>
        </form>
      </ActionGate>
      {c.stage === 'challenge-window' ? (
        <ActionGate c={c} type="close-challenge-window">
          <h3>{t('challenge.closeHeading')}</h3>
          <MessageList title={t('challenge.cannotClose')} messages={closeWindow.messages} />
          <Button
            className="button button--quiet"
            isDisabled={closeWindow.busy}
            onPress={() => void closeWindow.run({ type: 'close-challenge-window' })}
          >
            {t('challenge.closeWindow')}
          </Button>
        </ActionGate>
      ) : null}
    </div>
  );
}

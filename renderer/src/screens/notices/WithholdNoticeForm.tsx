import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { NO_NOTICE_GROUNDS, type NoNoticeGround } from '@shared/domain/notice-status';
import { SelectField, Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { ActionGate } from '../case/ActionGate';
import { useCaseAction } from '../case/useCaseAction';

/**
 * The only way to end the duty to tell a person other than telling them: a lawful ground with reasons, recorded by
 * a person who signs it (and, where the office requires a second person, not the one who deferred the notice).
 */
export function WithholdNoticeForm({ c, personId }: { readonly c: Case; readonly personId: string }) {
  const { t } = useTranslation();
  const [ground, setGround] = useState<NoNoticeGround>('omitted-by-law');
  const [reasons, setReasons] = useState('');
  const withhold = useCaseAction(c.id);
  return (
    <ActionGate c={c} type="withhold-notice">
      <h4>{t('notice.withholdHeading')}</h4>
      <p className="field__help">{t('notice.withholdHelp')}</p>
      <SelectField
        label={t('notice.withholdGround')}
        value={ground}
        onChange={(v) => setGround(NO_NOTICE_GROUNDS.find((g) => g === v) ?? 'omitted-by-law')}
        options={NO_NOTICE_GROUNDS.map((g) => ({ value: g, label: t(`notice.noNoticeGrounds.${g}`) }))}
      />
      <Field label={t('notice.withholdReasons')} required multiline value={reasons} onChange={setReasons} />
      <MessageList title={t('notice.notWithheld')} messages={withhold.messages} />
      <Button
        className="button button--quiet"
        isDisabled={withhold.busy}
        onPress={() => void withhold.run({ type: 'withhold-notice', personId, ground, reasons })}
      >
        {t('notice.withhold')}
      </Button>
    </ActionGate>
  );
}

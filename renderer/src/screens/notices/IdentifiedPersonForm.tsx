import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import { TEXT_LIMITS } from '@shared/domain/text-limits';
import { seeksOnlyIdentification } from '@shared/workflow/identification';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { ActionGate } from '../case/ActionGate';
import { isLanguage } from '../case/draft-form-state';
import { useCaseAction } from '../case/useCaseAction';

/**
 * On a request made to identify an unknown user: the person the response named joins the case, and their notice
 * becomes due. Shown only on such requests, before the challenge window opens.
 */
export function IdentifiedPersonForm({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [language, setLanguage] = useState<Language>('en');
  const record = useCaseAction(c.id);
  if (!seeksOnlyIdentification(c)) return null;
  const submit = async () => {
    const done = await record.run({
      type: 'record-identified-person',
      name,
      contactForNotice: contact,
      preferredLanguage: language,
    });
    if (done) {
      setName('');
      setContact('');
    }
  };
  return (
    <ActionGate c={c} type="record-identified-person">
      <section className="identified-person" aria-labelledby="identified-person-title">
        <h3 id="identified-person-title">{t('identified.heading')}</h3>
        <p className="field__help">
          {c.affectedPeople.length === 0 ? t('identified.nobodyYet') : t('identified.another')}
        </p>
        <Field
          label={t('identified.name')}
          required
          value={name}
          onChange={setName}
          maxLength={TEXT_LIMITS.personName}
        />
        <Field
          label={t('identified.contact')}
          required
          value={contact}
          onChange={setContact}
          maxLength={TEXT_LIMITS.personContact}
        />
        <SelectField
          label={t('identified.language')}
          value={language}
          onChange={(v) => isLanguage(v) && setLanguage(v)}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <MessageList title={t('identified.notRecorded')} messages={record.messages} />
        <Button className="button" isDisabled={record.busy} onPress={() => void submit()}>
          {t('identified.record')}
        </Button>
      </section>
    </ActionGate>
  );
}

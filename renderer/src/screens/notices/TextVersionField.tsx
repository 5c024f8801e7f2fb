import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { LANGUAGES, type Language } from '@shared/domain/primitives';
import type { TranslatableField } from '@shared/domain/text-versions';
import { freeTextFor, originalLanguageOf } from '@shared/notices/free-text';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { ActionGate } from '../case/ActionGate';
import { isLanguage } from '../case/draft-form-state';
import { useCaseAction } from '../case/useCaseAction';

/**
 * One printed free-text field (the purpose, the decision's reasons) in the language of the document being
 * prepared: says whether the document prints it translated or under a "not translated" marker, and lets anyone
 * record the version for that language. While no version exists, the language the original is written in can be
 * corrected here too.
 */
export function TextVersionField({
  c,
  field,
  language,
}: {
  readonly c: Case;
  readonly field: TranslatableField;
  readonly language: Language;
}) {
  const { t } = useTranslation();
  const original = originalLanguageOf(c);
  const versions = c.textVersions;
  const hasVersions =
    versions !== undefined &&
    Object.keys(versions.purpose).length + Object.keys(versions['decision-reasons']).length > 0;
  const [writtenIn, setWrittenIn] = useState<Language>(original);
  const [text, setText] = useState(versions?.[field][language] ?? '');
  const save = useCaseAction(c.id);
  const printed = freeTextFor(c, field, language);
  // Language names as they read inside a sentence (« en anglais », not « en Anglais (English) »).
  const names = {
    language: t(`textVersions.inSentence.${language}`),
    original: t(`textVersions.inSentence.${original}`),
  };
  return (
    <ActionGate c={c} type="record-translation">
      <section className="text-version" data-testid={`text-version-${field}`}>
        <h4>{t(`textVersions.heading.${field}`, names)}</h4>
        <p className={printed.untranslatedMarker ? 'warning' : 'field__help'} role="note">
          {printed.untranslatedMarker
            ? t('textVersions.missing', names)
            : language === original
              ? t('textVersions.isOriginal', names)
              : t('textVersions.translated', names)}
        </p>
        {hasVersions ? null : (
          <SelectField
            label={t('textVersions.writtenIn')}
            value={writtenIn}
            onChange={(v) => isLanguage(v) && setWrittenIn(v)}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
        )}
        {language === writtenIn ? null : (
          <Field
            label={t(`textVersions.label.${field}`, names)}
            multiline
            rows={4}
            value={text}
            onChange={setText}
            help={t('textVersions.help')}
          />
        )}
        <MessageList title={t('textVersions.notSaved')} messages={save.messages} />
        <Button
          className="button button--quiet"
          isDisabled={save.busy || (language === writtenIn && writtenIn === original)}
          onPress={() =>
            void save.run({
              type: 'record-translation',
              field,
              original: writtenIn,
              // In the original's own language no version is recorded: only which language the original is in.
              language,
              text: language === writtenIn ? '' : text,
            })
          }
        >
          {t('textVersions.save')}
        </Button>
      </section>
    </ActionGate>
  );
}

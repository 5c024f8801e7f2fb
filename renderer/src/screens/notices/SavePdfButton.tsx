import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/domain/primitives';

/**
 * "Save as PDF" for a notice or letter. When the document prints free text that is not translated into its
 * language, it asks first: the person would receive text in a language they may not read.
 */
export function SavePdfButton({
  label,
  busy,
  disabled,
  untranslatedIn,
  onSave,
}: {
  readonly label: string;
  readonly busy: boolean;
  readonly disabled: boolean;
  /** The document's language when some of its free text is not translated into it; null otherwise. */
  readonly untranslatedIn: Language | null;
  readonly onSave: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  return (
    <>
      <Button
        className="button button--quiet"
        isDisabled={busy || disabled || asking}
        onPress={() => (untranslatedIn === null ? onSave() : setAsking(true))}
      >
        {busy ? t('notice.savingPdf') : label}
      </Button>
      {asking && untranslatedIn !== null ? (
        <div className="warning confirm" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId}>
            {t('textVersions.printAsk', { language: t(`textVersions.inSentence.${untranslatedIn}`) })}
          </p>
          <div className="form-actions">
            <Button
              className="button"
              onPress={() => {
                setAsking(false);
                onSave();
              }}
            >
              {t('textVersions.printAnyway')}
            </Button>
            <Button className="button button--quiet" onPress={() => setAsking(false)} autoFocus>
              {t('textVersions.printCancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}

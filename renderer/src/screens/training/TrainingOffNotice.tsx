import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';

type Props = {
  /** The screen this notice stands in for, whose title it keeps; absent for a panel within a screen. */
  readonly screen?: 'exchange';
};

/** Where a real office sends or keeps copies (bundles, key cards, backups): off in the training office, and why. */
export function TrainingOffNotice({ screen }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {screen ? <ScreenHeading>{t(`nav.${screen}`)}</ScreenHeading> : null}
      <section className="warning training-off" aria-labelledby={`training-off-title-${screen ?? 'panel'}`}>
        <h2 id={`training-off-title-${screen ?? 'panel'}`}>{t('training.off.title')}</h2>
        <p>{t('training.off.body')}</p>
      </section>
    </>
  );
}

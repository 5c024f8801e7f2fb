import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '@shared/domain/evidence';
import { useCases } from '../../cases/CasesProvider';
import { previewKindOf } from '../../cases/evidence-preview';
import { exportEvidenceFile, type ExportEvidenceError } from '../../cases/export-evidence-file';
import { MessageList } from '../../components/MessageList';
import type { ShownMessage } from '../../components/useWorkflowMessage';
import { EvidenceViewer } from './EvidenceViewer';

const EXPORT_ERRORS = [
  'attachment-corrupt',
  'attachment-missing',
  'volume-full',
  'read-only',
  'volume-gone',
  'verify-failed',
  'cancelled',
];

/** Preview (images, PDFs, text) and "Export to a file…" for one evidence item, with the export's progress. */
export function EvidenceFileActions({ caseId, item }: { readonly caseId: string; readonly item: EvidenceItem }) {
  const { t } = useTranslation();
  const { repository, actor, shell } = useCases();
  const [viewing, setViewing] = useState(false);
  const [progress, setProgress] = useState<{ readonly done: number; readonly total: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly ShownMessage[]>([]);

  const shownFor = (refusal: ExportEvidenceError): readonly ShownMessage[] => {
    if (refusal.kind === 'workflow')
      return refusal.code === 'custody-not-recorded'
        ? [t('evidence.custodyNotRecorded'), ...refusal.messages]
        : refusal.messages;
    return [t(`evidence.exportErrors.${EXPORT_ERRORS.includes(refusal.code) ? refusal.code : 'other'}`)];
  };

  const exportFile = async () => {
    setSaved(null);
    setProblems([]);
    setProgress({ done: 0, total: item.sizeBytes });
    const result = await exportEvidenceFile({
      repository,
      saver: shell.document,
      caseId,
      item,
      actor,
      note: t('evidence.exportedNote'),
      onProgress: (done, total) => setProgress({ done, total }),
    });
    setProgress(null);
    if (!result.ok) setProblems(shownFor(result.refusal));
    else if (result.value !== null) setSaved(result.value.name);
  };

  return (
    <div className="evidence__files">
      {previewKindOf(item.mediaType) !== null ? (
        <Button
          className="button button--quiet"
          aria-label={t('evidence.previewOf', { title: item.title })}
          onPress={() => setViewing(true)}
        >
          {t('evidence.preview')}
        </Button>
      ) : null}
      <Button
        className="button button--quiet"
        aria-label={t('evidence.exportOf', { title: item.title })}
        isDisabled={progress !== null}
        onPress={() => void exportFile()}
      >
        {t('evidence.export')}
      </Button>
      <p role="status" className="field__help" aria-busy={progress !== null}>
        {progress !== null
          ? t('evidence.exporting', { title: item.title })
          : saved !== null
            ? t('evidence.exported', { name: saved })
            : ''}
      </p>
      {progress !== null && progress.total > 0 ? (
        <progress
          className="evidence-progress"
          max={progress.total}
          value={progress.done}
          aria-label={t('evidence.exporting', { title: item.title })}
        />
      ) : null}
      <MessageList title={t('evidence.notExported')} messages={problems} />
      {viewing ? <EvidenceViewer caseId={caseId} item={item} onClose={() => setViewing(false)} /> : null}
    </div>
  );
}

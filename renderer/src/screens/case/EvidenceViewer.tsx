import { useCallback, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '@shared/domain/evidence';
import { useCases } from '../../cases/CasesProvider';
import { loadEvidencePreview, MAX_TEXT_PREVIEW_BYTES, type EvidencePreviewError } from '../../cases/evidence-preview';
import { MessageList } from '../../components/MessageList';
import { useFormatBytes } from '../../format/useFormatBytes';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

type Shown =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly refusal: EvidencePreviewError }
  | { readonly state: 'image'; readonly url: string }
  | { readonly state: 'text'; readonly text: string; readonly truncated: boolean };

const VIEWER_ERRORS = ['no-preview', 'too-large', 'not-this-type', 'attachment-corrupt', 'attachment-missing'];

/**
 * An evidence file shown inside the app: an image (from a blob: URL the app made) or text as text. Opening it is
 * recorded as "sensitive data viewed"; closing revokes the URL.
 */
export function EvidenceViewer({
  caseId,
  item,
  onClose,
}: {
  readonly caseId: string;
  readonly item: EvidenceItem;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { repository, actor } = useCases();
  const formatBytes = useFormatBytes();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  // The item and actor as they were when the dialog opened: recording the view changes the case (and so the item
  // object), which must not load and record the preview again.
  const [opened] = useState(() => ({ item, actor }));

  useAsyncEffect(
    useCallback(
      async ({ alive, onCleanup }) => {
        const loaded = await loadEvidencePreview(repository, caseId, opened.item, opened.actor);
        if (!alive()) return;
        if (!loaded.ok) return setShown({ state: 'failed', refusal: loaded.refusal });
        const { preview } = loaded;
        if (preview.kind === 'text')
          return setShown({ state: 'text', text: preview.text, truncated: preview.truncated });
        const url = URL.createObjectURL(preview.blob);
        // The decrypted copy lives only as long as the dialog.
        onCleanup(() => URL.revokeObjectURL(url));
        setShown({ state: preview.kind, url });
      },
      [repository, caseId, opened],
    ),
  );

  const title = t('evidence.viewer.title', { title: item.title });
  return (
    <ModalOverlay className="evidence-viewer-overlay" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="evidence-viewer-modal">
        <Dialog className="evidence-viewer" aria-label={title} data-testid="evidence-viewer">
          <Heading slot="title">{title}</Heading>
          {shown.state === 'loading' ? <p aria-busy="true">{t('evidence.viewer.loading')}</p> : null}
          {shown.state === 'failed' ? (
            <MessageList
              title={t('evidence.viewer.errors.other')}
              messages={
                shown.refusal.kind === 'workflow'
                  ? shown.refusal.messages
                  : [
                      t(
                        `evidence.viewer.errors.${VIEWER_ERRORS.includes(shown.refusal.code) ? shown.refusal.code : 'other'}`,
                      ),
                    ]
              }
            />
          ) : null}
          {shown.state === 'image' ? (
            <img
              className="evidence-viewer__image"
              src={shown.url}
              alt={t('evidence.viewer.imageAlt', { title: item.title })}
            />
          ) : null}
          {shown.state === 'text' ? (
            <>
              <pre
                className="evidence-viewer__text"
                tabIndex={0}
                aria-label={t('evidence.viewer.textLabel', { title: item.title })}
              >
                {shown.text}
              </pre>
              {shown.truncated ? (
                <p className="field__help">
                  {t('evidence.viewer.truncated', { size: formatBytes(MAX_TEXT_PREVIEW_BYTES) })}
                </p>
              ) : null}
            </>
          ) : null}
          {shown.state === 'image' || shown.state === 'text' ? (
            <p className="field__help">{t('evidence.viewer.recorded')}</p>
          ) : null}
          <Button className="button" slot="close" onPress={onClose}>
            {t('evidence.viewer.close')}
          </Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

import { useId, useState, type DragEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { CUSTODY_ACTIONS } from '@shared/domain/evidence';
import { addEvidenceFile } from '../../cases/add-evidence-file';
import { useCases } from '../../cases/CasesProvider';
import { Field, SelectField } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { useWorkflowMessage } from '../../components/useWorkflowMessage';
import { useFormatBytes } from '../../format/useFormatBytes';
import { ActionGate } from './ActionGate';
import { EvidenceFileActions } from './EvidenceFileActions';
import { useCaseAction } from './useCaseAction';

/** Evidence items with their content hash and chain of custody; add files by choosing or dropping them. */
export function EvidencePanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { repository, actor, nameOf } = useCases();
  const { dateTime } = useLocaleFormat();
  const translate = useWorkflowMessage();
  const formatBytes = useFormatBytes();
  const id = useId();
  const [working, setWorking] = useState<{
    readonly name: string;
    readonly done: number;
    readonly size: number;
  } | null>(null);
  const [messages, setMessages] = useState<readonly string[]>([]);
  const [dragging, setDragging] = useState(false);

  const add = async (files: readonly File[]) => {
    setMessages([]);
    for (const file of files) {
      setWorking({ name: file.name, done: 0, size: file.size });
      const added = await addEvidenceFile(repository, c.id, file, t('evidence.receivedNote'), actor, (done) =>
        setWorking({ name: file.name, done, size: file.size }),
      );
      if (!added.ok) setMessages((m) => [...m, `${file.name}: ${added.messages.map(translate).join('; ')}`]);
    }
    setWorking(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void add([...event.dataTransfer.files]);
  };

  return (
    <section aria-labelledby="evidence-title" className="panel">
      <h2 id="evidence-title">{t('evidence.heading', { count: c.evidence.length })}</h2>
      <ul className="evidence-list">
        {c.evidence.map((item) => (
          <li key={item.id} className="evidence" data-testid="evidence-item">
            <strong>{item.title}</strong>{' '}
            <span className="field__help">
              {item.mediaType} · {formatBytes(item.sizeBytes)}
            </span>
            <span className="evidence__hash mono">
              {t('evidence.hash')}: {item.contentHash}
            </span>
            <ol className="custody" aria-label={t('evidence.custody', { title: item.title })}>
              {item.custody.map((entry, index) => (
                <li key={index}>
                  {dateTime(entry.at)} — {t(`evidence.actions.${entry.action}`)} — {nameOf(entry.by)}
                  {entry.note ? `: ${entry.note}` : ''}
                </li>
              ))}
            </ol>
            <EvidenceFileActions caseId={c.id} item={item} />
            <CustodyForm c={c} evidenceId={item.id} title={item.title} />
          </li>
        ))}
      </ul>
      <ActionGate c={c} type="add-evidence">
        <div
          className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('evidence.drop')}</p>
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            multiple
            disabled={working !== null}
            onChange={(e) => {
              void add([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          {/* The label is the visible button; the (visually hidden) input before it keeps keyboard focus and shows it. */}
          <label htmlFor={`${id}-file`} className="button button--quiet">
            {t('evidence.choose')}
          </label>
        </div>
        <p role="status" className="field__help" aria-busy={working !== null}>
          {working ? t('evidence.working', { name: working.name }) : ''}
        </p>
        {working && working.size > 0 && (
          <progress
            className="evidence-progress"
            max={working.size}
            value={working.done}
            aria-label={t('evidence.working', { name: working.name })}
          />
        )}
        <MessageList title={t('evidence.notAdded')} messages={messages} />
      </ActionGate>
    </section>
  );
}

function CustodyForm({
  c,
  evidenceId,
  title,
}: {
  readonly c: Case;
  readonly evidenceId: string;
  readonly title: string;
}) {
  const { t } = useTranslation();
  const record = useCaseAction(c.id);
  const [action, setAction] = useState<(typeof CUSTODY_ACTIONS)[number]>('accessed');
  const [note, setNote] = useState('');
  return (
    <ActionGate c={c} type="record-custody">
      <div className="custody-form" role="group" aria-label={t('evidence.recordFor', { title })}>
        <SelectField
          label={t('evidence.step', { title })}
          value={action}
          onChange={(v) => setAction(CUSTODY_ACTIONS.find((a) => a === v) ?? 'accessed')}
          options={CUSTODY_ACTIONS.map((a) => ({ value: a, label: t(`evidence.actions.${a}`) }))}
        />
        <Field label={t('evidence.note', { title })} value={note} onChange={setNote} />
        <Button
          className="button button--quiet"
          isDisabled={record.busy}
          onPress={() =>
            void record.run({ type: 'record-custody', evidenceId, action, note }).then((ok) => ok && setNote(''))
          }
        >
          {t('evidence.record')}
        </Button>
        <MessageList title={t('case.notDone')} messages={record.messages} />
      </div>
    </ActionGate>
  );
}

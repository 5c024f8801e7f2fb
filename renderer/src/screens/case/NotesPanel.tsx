import { useState } from 'react';
import { z } from 'zod';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/domain/case';
import { Field } from '../../components/Field';
import { MessageList } from '../../components/MessageList';
import { useLocaleFormat } from '../../components/useLocaleFormat';
import { ActionGate } from './ActionGate';
import { useCaseAction } from './useCaseAction';
import { useKeptDraft } from '../../components/useKeptDraft';
import { KeptDraftBanner } from '../../components/KeptDraftBanner';

/** A note kept across a lock is its text. */
const noteDraftSchema = z.string();

export function NotesPanel({ c }: { readonly c: Case }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const add = useCaseAction(c.id);
  const [text, setText] = useState('');
  // A note being written survives a lock: kept as an encrypted draft, offered back here after unlock.
  const kept = useKeptDraft(`note:${c.id}`, text, text.trim() !== '', noteDraftSchema, setText);
  return (
    <section aria-labelledby="notes-title" className="panel">
      <h2 id="notes-title">{t('notes.heading')}</h2>
      <ul className="notes">
        {c.notes.map((note) => (
          <li key={note.id}>
            <span className="field__help">{dateTime(note.at)}</span> {note.text}
          </li>
        ))}
      </ul>
      <ActionGate c={c} type="add-note">
        <KeptDraftBanner draft={kept} />
        <Field label={t('notes.new')} multiline value={text} onChange={setText} />
        <MessageList title={t('case.notDone')} messages={add.messages} />
        <Button
          className="button button--quiet"
          isDisabled={add.busy}
          onPress={() => void add.run({ type: 'add-note', text }).then((ok) => ok && setText(''))}
        >
          {t('notes.add')}
        </Button>
      </ActionGate>
    </section>
  );
}

import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_VIEWS, SAVED_VIEW_NAME_MAX, type BuiltInViewId, type CaseView } from '../../cases/saved-views';
import { Field, SelectField } from '../../components/Field';
import { useSavedViews } from './useSavedViews';

const BUILT_IN_IDS = Object.keys(BUILT_IN_VIEWS) as BuiltInViewId[];
const builtInValue = (id: BuiltInViewId) => `built-in:${id}`;
const savedValue = (id: string) => `saved:${id}`;

type Props = {
  /** The list's filters and scope as they are now: what "Save view" keeps. */
  readonly current: CaseView;
  /** The view last chosen (a select value), or '' once the filters were changed by hand. */
  readonly chosen: string;
  readonly onChoose: (value: string, view: CaseView | null) => void;
};

/** Built-in views ("My overdue", "Redress queue") and the person's own: choose one, save the current filters, delete. */
export function SavedViewsBar({ current, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const { views, save, remove } = useSavedViews();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const chosenSaved = views.find((v) => savedValue(v.id) === chosen) ?? null;

  const choose = (value: string) => {
    setStatus('');
    const builtIn = BUILT_IN_IDS.find((id) => builtInValue(id) === value);
    const own = views.find((v) => savedValue(v.id) === value);
    onChoose(value, builtIn ? BUILT_IN_VIEWS[builtIn] : (own ?? null));
  };
  const saveCurrent = async () => {
    const trimmed = name.trim();
    if (trimmed.length === 0) {
      setError(t('cases.views.nameRequired'));
      return;
    }
    const id = crypto.randomUUID();
    const failed = await save(trimmed, current, id);
    setError(failed);
    if (failed !== null) return;
    setName('');
    setStatus(t('cases.views.saved', { name: trimmed }));
    onChoose(savedValue(id), current);
  };
  const deleteChosen = async () => {
    if (chosenSaved === null) return;
    const failed = await remove(chosenSaved.id);
    setError(failed);
    if (failed !== null) return;
    setStatus(t('cases.views.deleted', { name: chosenSaved.name }));
    onChoose('', null);
  };

  return (
    <div className="saved-views" role="group" aria-label={t('cases.views.group')}>
      <SelectField
        label={t('cases.views.label')}
        value={chosen}
        onChange={choose}
        options={[
          { value: '', label: t('cases.views.none') },
          ...BUILT_IN_IDS.map((id) => ({ value: builtInValue(id), label: t(`cases.views.builtIn.${id}`) })),
          ...views.map((v) => ({ value: savedValue(v.id), label: v.name })),
        ]}
      />
      {chosenSaved ? (
        <Button className="button button--quiet" onPress={() => void deleteChosen()}>
          {t('cases.views.delete', { name: chosenSaved.name })}
        </Button>
      ) : null}
      <Field
        label={t('cases.views.name')}
        value={name}
        onChange={(v) => {
          setName(v.slice(0, SAVED_VIEW_NAME_MAX));
          setError(null);
        }}
        error={error}
      />
      <Button className="button button--quiet" onPress={() => void saveCurrent()}>
        {t('cases.views.save')}
      </Button>
      <span role="status" className="field__help saved-views__status">
        {status}
      </span>
    </div>
  );
}

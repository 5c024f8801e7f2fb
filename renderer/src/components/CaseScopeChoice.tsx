import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCases } from '../cases/CasesProvider';
import type { CaseScope } from '../cases/case-scope';

const SCOPES: readonly CaseScope[] = ['mine', 'all'];

/** "My cases / All cases", shared by the dashboard and the case list (the choice is kept while signed in). */
export function CaseScopeChoice() {
  const { t } = useTranslation();
  const id = useId();
  const { scope, setScope } = useCases();
  return (
    <fieldset className="field field--choices case-scope">
      <legend>{t('cases.scope.legend')}</legend>
      {SCOPES.map((value) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name={`${id}-scope`}
            value={value}
            checked={scope === value}
            onChange={() => setScope(value)}
          />
          {t(`cases.scope.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}

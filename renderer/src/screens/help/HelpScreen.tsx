import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '@shared/search/fold-for-search';
import { Field } from '../../components/Field';
import { GLOSSARY_TERMS, GLOSSARY_TOPICS } from './glossary-terms';

/**
 * The glossary: every legal and security term the screens use, explained in the interface language. Finding a term
 * looks in its name and its meaning, ignoring case and accents ("recuperation" finds "récupération").
 */
export function HelpScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const folded = foldForSearch(query.trim());
  const shown = GLOSSARY_TERMS.filter(
    ({ id }) =>
      folded === '' || foldForSearch(`${t(`glossary.${id}.term`)} ${t(`glossary.${id}.meaning`)}`).includes(folded),
  );
  return (
    <section aria-labelledby="screen-title" className="help">
      <h1 id="screen-title">{t('help.title')}</h1>
      <p>{t('help.intro')}</p>
      <Field kind="search" label={t('help.search')} value={query} onChange={setQuery} />
      {shown.length === 0 ? (
        <p role="status">{t('help.noMatch', { query: query.trim() })}</p>
      ) : (
        GLOSSARY_TOPICS.map((topic) => {
          const terms = shown.filter((term) => term.topic === topic);
          if (terms.length === 0) return null;
          return (
            <section key={topic} aria-labelledby={`help-${topic}`} className="panel">
              <h2 id={`help-${topic}`}>{t(`help.topics.${topic}`)}</h2>
              <dl className="glossary" data-testid={`glossary-${topic}`}>
                {terms.map(({ id }) => (
                  <div key={id} className="glossary__entry">
                    <dt id={`term-${id}`}>{t(`glossary.${id}.term`)}</dt>
                    <dd>{t(`glossary.${id}.meaning`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })
      )}
    </section>
  );
}

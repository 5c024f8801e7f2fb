import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SummaryProblem = {
  /** The id of the field the problem is about. */
  readonly fieldId: string;
  readonly text: string;
};

/**
 * What stops a form from being saved, listed at its top. Each save attempt that finds problems moves the focus
 * here (so a screen reader reads the list and a sighted user sees it, however long the form), and each line takes
 * the user to its field.
 */
export function ErrorSummary({
  problems,
  attempt,
}: {
  readonly problems: readonly SummaryProblem[];
  readonly attempt: number;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0;
  // Only a new attempt moves the focus: fixing one field while others are still wrong must not pull it away.
  useEffect(() => {
    if (attempt === 0 || !box.current) return;
    box.current.focus();
    box.current.scrollIntoView({ block: 'start' });
  }, [attempt]);
  if (!shown) return null;
  const goTo = (fieldId: string) => {
    const field = document.getElementById(fieldId);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  return (
    <div
      ref={box}
      className="error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-testid="error-summary"
    >
      <h2 id={titleId}>{t('form.errorSummary', { count: problems.length })}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.fieldId}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                goTo(problem.fieldId);
              }}
            >
              {problem.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

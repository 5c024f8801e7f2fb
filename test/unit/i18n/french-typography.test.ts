import { describe, expect, it } from 'vitest';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { VOCABULARIES } from '@shared/vocab/vocabulary';
import fr from '../../../renderer/src/i18n/locales/fr.json';
import { frenchViolations as violations, strings } from './typography-rules';

describe('French typography', () => {
  it('the rule itself: catches a plain space or none before the marks, accepts no-break spaces and times', () => {
    expect(violations('Date : demain')).toHaveLength(1);
    expect(violations('Date: demain')).toHaveLength(1);
    expect(violations('Vraiment ?')).toHaveLength(1);
    expect(violations("l'avis")).toHaveLength(1);
    expect(violations('Date\u00a0: demain\u202f; à 10:00, vraiment\u202f?')).toEqual([]);
    expect(violations('le « bureau »')).toHaveLength(2);
    expect(violations('le "bureau"')).toHaveLength(1);
    expect(violations('le «\u00a0bureau\u00a0»')).toEqual([]);
  });

  it('holds in the interface catalog', () => {
    const found = strings(fr).flatMap(([path, text]) => violations(text).map((v) => `${path}: ${v}`));
    expect(found).toEqual([]);
  });

  it('holds in the French labels of every vocabulary (they print on notices)', () => {
    const found = Object.values(VOCABULARIES).flatMap((vocabulary) =>
      vocabulary.terms.flatMap((term: { code: string; labels: { fr: string }; citizenLabels?: { fr: string } }) =>
        [term.labels.fr, term.citizenLabels?.fr ?? ''].flatMap((label) =>
          violations(label).map((v) => `${vocabulary.vocabulary}/${term.code}: ${v}`),
        ),
      ),
    );
    expect(found).toEqual([]);
  });

  it('holds in the wording of French notices and decision letters', () => {
    const found = strings(NOTICE_TEXTS.fr).flatMap(([path, text]) => violations(text).map((v) => `${path}: ${v}`));
    expect(found).toEqual([]);
  });
});

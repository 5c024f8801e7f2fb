import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setUiLanguage } from '../../../renderer/src/i18n/i18n';
import { CorruptRecordsNotice } from '../../../renderer/src/screens/vault/CorruptRecordsNotice';
import { makeCase } from './case-fixtures';
import { getRaw, putRaw } from './raw-idb';
import { createdVault } from './vault-test-kit';

let root: Root | null = null;
let container: HTMLElement;
beforeAll(async () => {
  await initI18n('fr');
});
afterEach(async () => {
  act(() => root?.unmount());
  container.remove();
  await setUiLanguage('en');
});

describe('the notice of records that failed to open', () => {
  it('names a case moved onto another row in the reader’s words, with no table name, code or English', async () => {
    const vault = await createdVault('corrupt-notice');
    await vault.db.cases.bulkPut([
      { ...makeCase(1), id: 'case-a' },
      { ...makeCase(2), id: 'case-b', reference: 'FR-CNIL-2026-0009' },
    ]);
    const rowA = (await getRaw(vault.db.name, 'cases', 'case-a')) as Record<string, unknown>;
    await putRaw(vault.db.name, 'cases', { ...rowA, id: 'case-b' });
    expect(await vault.db.cases.get('case-b')).toBeUndefined();
    await setUiLanguage('fr');

    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root?.render(<CorruptRecordsNotice report={vault.corruption} />));
    const alert = container.querySelector('[role="alert"]');
    const item = alert?.querySelector('ul > li');
    expect(item?.textContent).toBe(
      'Un dossier\u202f: son authentification a échoué\u202f: l’enregistrement a été modifié, endommagé ou déplacé depuis un autre enregistrement.',
    );
    // Words only on the face of it; the id support needs is folded away.
    const details = alert?.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('case-b');
    const visible = (alert?.textContent ?? '').replace(details?.textContent ?? '', '');
    expect(visible).not.toMatch(/cases|case-b|failed-authentication|failed authentication/);
    vault.lock();
  });
});

import { describe, expect, it } from 'vitest';
import { NO_CRITERIA } from '../../../renderer/src/cases/case-list-row';
import { BUILT_IN_VIEWS, readSavedViews, writeSavedViews } from '../../../renderer/src/cases/saved-views';
import { dumpRaw } from '../vault/raw-idb';
import { PASSPHRASE, testVault } from '../vault/vault-test-kit';

describe('saved case-list views', () => {
  it('are kept per person, encrypted in the settings table, and can be deleted', async () => {
    const vault = testVault('saved-views');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ana = vault.person?.personId ?? '';
    const saved = {
      id: 'v1',
      name: 'Kestrel follow-ups',
      scope: 'all' as const,
      criteria: { ...NO_CRITERIA, query: 'kestrel', due: { window: 'range', from: '2026-03-01', to: '' } as const },
    };
    expect(
      (await writeSavedViews(vault.db, ana, [saved, { ...BUILT_IN_VIEWS['my-overdue'], id: 'v2', name: 'Mine' }])).ok,
    ).toBe(true);
    expect((await readSavedViews(vault.db, ana)).map((v) => v.name)).toEqual(['Kestrel follow-ups', 'Mine']);
    expect(await readSavedViews(vault.db, 'someone-else')).toEqual([]);

    const raw = JSON.stringify(await dumpRaw(vault.db.name), (_k, v: unknown) => (v instanceof Uint8Array ? '' : v));
    expect(raw).not.toContain('Kestrel');

    expect((await writeSavedViews(vault.db, ana, [saved])).ok).toBe(true);
    expect((await readSavedViews(vault.db, ana)).map((v) => v.id)).toEqual(['v1']);
    expect((await readSavedViews(vault.db, ana))[0]?.criteria.due).toEqual({
      window: 'range',
      from: '2026-03-01',
      to: '',
    });
  });

  it('refuses a view that does not parse, and keeps what was there', async () => {
    const vault = testVault('saved-views-bad');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ana = vault.person?.personId ?? '';
    const bad = { id: 'v', name: '   ', scope: 'all' as const, criteria: BUILT_IN_VIEWS['redress-queue'].criteria };
    expect((await writeSavedViews(vault.db, ana, [bad])).ok).toBe(false);
    expect(await readSavedViews(vault.db, ana)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyAction, openAndStore } from '@shared/workflow/case-store';
import { describeCaseStoreContract } from './case-store-contract';
import { MemoryCaseStore } from './memory-case-store';
import { alice, hash, makeContext } from './workflow-fixtures';

describeCaseStoreContract('in-memory reference store', () => new MemoryCaseStore(hash));

describe('in-memory reference store', () => {
  it('reports a tampered trail as corrupt', async () => {
    const { context } = makeContext();
    const store = new MemoryCaseStore(hash);
    await openAndStore(
      store,
      { id: 'case-1', reference: 'R', kind: 'rights-complaint', title: '', originatingJurisdiction: 'DE' },
      alice,
      context,
    );
    await applyAction(store, 'case-1', alice, { type: 'add-note', text: 'n' }, context);
    const trail = store.trails.get('case-1') ?? [];
    store.trails.set('case-1', [trail[0] ?? '']);
    expect(await store.auditTrail('case-1')).toMatchObject({ ok: false, error: { code: 'case-corrupt' } });
  });
});

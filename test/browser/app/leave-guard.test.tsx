import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useLeaveGuard } from '../../../renderer/src/app/useLeaveGuard';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { readKeptDraft } from '../../../renderer/src/vault/kept-drafts';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { vaultOnFillingDisk } from '../vault/filling-disk';

// The real leave guard over a real vault whose disk is full: keeping the draft fails in IndexedDB itself.
let root: Root | null = null;
let container: HTMLElement;
beforeAll(async () => {
  await initI18n();
});
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

function Leaving({ vault, onLeave }: { vault: VaultService; onLeave: () => void }) {
  const leave = useLeaveGuard(vault);
  return (
    <>
      <button type="button" onClick={() => leave.guard(onLeave)}>
        Go to the dashboard
      </button>
      {leave.dialog}
    </>
  );
}

const buttonNamed = (name: string) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
};
const press = async (name: string) => {
  await act(async () => {
    buttonNamed(name).click();
  });
};

describe('leaving a changed form', () => {
  it('says so and stays when the draft cannot be kept, and still lets the person discard and go', async () => {
    const budget = { bytes: Number.MAX_SAFE_INTEGER };
    const vault = await vaultOnFillingDisk('leave-guard-full', budget);
    vault.drafts.register('new-case', () => ({ title: 'Kestrel account, half typed' }));
    let left = 0;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root?.render(<Leaving vault={vault} onLeave={() => (left += 1)} />));

    budget.bytes = 0; // the disk is now full
    await press('Go to the dashboard');
    await press('Keep the draft and leave');
    await expect.poll(() => document.querySelector('[role="alert"]')?.textContent ?? '').toContain('could not be kept');
    expect(left).toBe(0);
    expect(document.querySelector('[data-testid="confirm-dialog"]')).not.toBeNull();

    await press('Discard and leave');
    await expect.poll(() => left).toBe(1);
    const me = vault.person?.personId ?? '';
    expect(await readKeptDraft(vault.db, me, 'new-case')).toBeNull();
  });
});

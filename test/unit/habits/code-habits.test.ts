import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/** Lints `code` as if it were the file at `path` (an existing file, so the type-aware rules see it in the project), and lists the rules that fired. */
async function rulesFired(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

// The first lint builds the TypeScript program the typed rules need (the whole project): seconds on a quiet machine,
// over a minute on a loaded one, so the suite states its own time rather than the default 20 s.
describe('the gate enforces the code habits', { timeout: 180_000 }, () => {
  it('refuses an upward import inside the renderer', async () => {
    const upward = "import { VaultGate } from '../screens/vault/VaultGate';\nexport const gate = VaultGate;\n";
    expect(await rulesFired('renderer/src/cases/case-actor.ts', upward)).toContain('no-restricted-imports');
    const sideways = "import { exportCase } from '../exchange/export-case';\nexport const send = exportCase;\n";
    expect(await rulesFired('renderer/src/offices/fingerprint-qr.ts', sideways)).toContain('no-restricted-imports');
    const downward = "import { useShellCall } from '../hooks/useShellCall';\nexport const call = useShellCall;\n";
    expect(await rulesFired('renderer/src/cases/case-actor.ts', downward)).toEqual([]);
  });

  it('refuses a floating promise and a missed case in a switch', async () => {
    const floating = 'async function save(): Promise<void> {}\nexport function onPress(): void {\n  save();\n}\n';
    expect(await rulesFired('renderer/src/hooks/useAsyncEffect.ts', floating)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
    const partial =
      "type Kind = 'a' | 'b';\nexport function word(kind: Kind): string {\n  switch (kind) {\n    case 'a':\n      return 'A';\n  }\n  return '';\n}\n";
    expect(await rulesFired('shared/result.ts', partial)).toContain('@typescript-eslint/switch-exhaustiveness-check');
  });

  it('refuses unformatted code', async () => {
    const file = join(root, 'shared/result.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    expect(await prettier.check('export const x = { a: 1,b:2 }\n', options)).toBe(false);
    expect(await prettier.check('export const x = { a: 1, b: 2 };\n', options)).toBe(true);
  });
});

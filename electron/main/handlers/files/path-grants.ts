import { randomBytes } from 'node:crypto';

export type GrantKind = 'folder' | 'file';

/**
 * The renderer never names a path. Main hands out opaque tokens for folders and files the user picked in a
 * native dialog or on a removable drive the app listed, and resolves only those tokens.
 */
export function createPathGrants(newToken: () => string = () => randomBytes(16).toString('hex')) {
  const grants = new Map<string, { readonly path: string; readonly kind: GrantKind }>();
  return {
    grant(path: string, kind: GrantKind): string {
      for (const [token, existing] of grants) if (existing.path === path && existing.kind === kind) return token;
      const token = newToken();
      grants.set(token, { path, kind });
      return token;
    },
    resolve(token: string, kind: GrantKind): string | null {
      const grant = grants.get(token);
      return grant !== undefined && grant.kind === kind ? grant.path : null;
    },
  };
}

export type PathGrants = ReturnType<typeof createPathGrants>;

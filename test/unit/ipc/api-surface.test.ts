import { describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/preload/create-api';
import { expectedApiSurface } from '../../electron/shell-expectations';

describe('the renderer’s API surface', () => {
  it('createApi offers exactly the contract’s areas and calls (the Electron spec expects the same)', () => {
    const api = createApi(
      () => Promise.reject(new Error('not called')),
      () => () => undefined,
    );
    const surface = Object.fromEntries(Object.entries(api).map(([area, calls]) => [area, Object.keys(calls).sort()]));
    expect(surface).toEqual(expectedApiSurface());
    expect(Object.keys(expectedApiSurface()).sort()).toEqual(['app', 'document', 'exchange', 'media', 'system']);
  });
});

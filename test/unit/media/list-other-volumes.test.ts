import { mkdtemp, mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMacosVolumes } from '../../../electron/main/handlers/media/list-macos-volumes';
import {
  listWindowsVolumes,
  parseWindowsVolumes,
  windowsPowerShellPath,
} from '../../../electron/main/handlers/media/list-windows-volumes';
import { createListRemovableHandler } from '../../../electron/main/handlers/media/list-removable-handler';
import { nodeVolumeProbe, type VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';

describe('macOS volumes', () => {
  it('lists /Volumes entries except the start-up disk symlink and hidden entries', async () => {
    const volumes = await mkdtemp(join(tmpdir(), 'casebridge-volumes-'));
    try {
      await mkdir(join(volumes, 'COURIER'));
      await mkdir(join(volumes, '.Trashes'));
      await symlink('/', join(volumes, 'Macintosh HD'));
      const found = await listMacosVolumes(nodeVolumeProbe, volumes);
      expect(found.map((v) => v.label)).toEqual(['COURIER']);
      expect(found[0]?.writable).toBe(true);
      expect(found[0]?.freeBytes).toBeGreaterThan(0);
    } finally {
      await rm(volumes, { recursive: true, force: true });
    }
  });
});

describe('Windows volumes (best effort)', () => {
  const probe = (stdout: string | null): VolumeProbe => ({
    ...nodeVolumeProbe,
    run: async () => stdout,
    canWrite: async (path) => path !== 'F:\\',
  });

  it('parses one removable disk (PowerShell prints a bare object)', async () => {
    const out =
      '{"DeviceID":"E:","VolumeName":"COURIER","FileSystem":"FAT32","Size":16000000000,"FreeSpace":"9000000000"}';
    expect(await listWindowsVolumes(probe(out))).toEqual([
      {
        mountPoint: 'E:\\',
        label: 'COURIER (E:)',
        device: 'E:',
        fileSystem: 'FAT32',
        totalBytes: 16e9,
        freeBytes: 9e9,
        writable: true,
      },
    ]);
  });

  it('parses several and survives missing fields', async () => {
    const out = '[{"DeviceID":"E:"},{"DeviceID":"F:","VolumeName":null,"Size":null,"FreeSpace":"x"}]';
    const found = await parseWindowsVolumes(out, probe(out));
    expect(found.map((v) => [v.mountPoint, v.writable, v.freeBytes])).toEqual([
      ['E:\\', true, null],
      ['F:\\', false, null],
    ]);
  });

  it('runs PowerShell by its absolute path under %SystemRoot%, never through the search path', async () => {
    const commands: string[] = [];
    const recording: VolumeProbe = {
      ...probe('[]'),
      run: async (command) => {
        commands.push(command);
        return '[]';
      },
    };
    await listWindowsVolumes(recording, 'D:\\WINNT');
    expect(commands).toEqual(['D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe']);
  });

  it.each([undefined, '', 'Windows', '\\\\server\\share', 'C:\\Windows\\..\\Temp', 'C:relative', 'C:\\Win"dows'])(
    'falls back to C:\\Windows when SystemRoot is %j (missing, relative, remote or odd)',
    (systemRoot) => {
      expect(windowsPowerShellPath(systemRoot)).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    },
  );

  it.each([null, '', 'not json', '{"DeviceID":"../../etc"}', '[1,2]'])('yields nothing for %s', async (out) => {
    expect(await listWindowsVolumes(probe(out))).toEqual([]);
  });
});

describe('the probe runs programs', () => {
  it('only by an absolute path: a bare name would be looked up on the search path', async () => {
    expect(await nodeVolumeProbe.run('echo', ['found on PATH'], 5_000)).toBeNull();
    expect(await nodeVolumeProbe.run(process.execPath, ['-e', 'process.stdout.write("ran")'], 5_000)).toBe('ran');
  });
});

describe('unsupported platforms', () => {
  it('say so with a next step', async () => {
    const result = await createListRemovableHandler('aix', nodeVolumeProbe)();
    expect(result).toMatchObject({ ok: false, error: { code: 'not-supported' } });
    if (!result.ok) expect(result.error.message).toMatch(/Choose a folder/);
  });
});

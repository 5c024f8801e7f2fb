import { win32 } from 'node:path';
import { z } from 'zod';
import type { RemovableVolume } from '@shared/ipc/contract';
import type { VolumeProbe } from './volume-probe';

const logicalDiskSchema = z.object({
  DeviceID: z.string().regex(/^[A-Z]:$/),
  VolumeName: z.string().nullable().optional(),
  FileSystem: z.string().nullable().optional(),
  Size: z.union([z.number(), z.string()]).nullable().optional(),
  FreeSpace: z.union([z.number(), z.string()]).nullable().optional(),
});

/** PowerShell prints one object bare and several as an array. */
const outputSchema = z.union([logicalDiskSchema, z.array(logicalDiskSchema)]);

const QUERY =
  "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object DeviceID,VolumeName,FileSystem,Size,FreeSpace | ConvertTo-Json -Compress";

const DEFAULT_SYSTEM_ROOT = 'C:\\Windows';

/**
 * Windows PowerShell by its absolute path: a bare `powershell.exe` is looked up in the current folder and on PATH
 * first, where anyone able to drop a file there would be run. %SystemRoot% is used only when it is a plain local
 * absolute path (no share, no `..`, no characters Windows forbids in names); otherwise the default install folder.
 */
export function windowsPowerShellPath(systemRoot: string | undefined): string {
  const plain =
    systemRoot !== undefined &&
    /^[A-Za-z]:\\[^"*?<>|/]*$/.test(systemRoot) &&
    !systemRoot.split('\\').some((part) => part === '..' || part === '.');
  return win32.join(
    plain ? systemRoot : DEFAULT_SYSTEM_ROOT,
    'System32',
    'WindowsPowerShell',
    'v1.0',
    'powershell.exe',
  );
}

/** Windows, best effort: logical disks of type 2 (removable) from CIM. */
export async function listWindowsVolumes(
  probe: VolumeProbe,
  systemRoot: string | undefined = process.env['SystemRoot'],
): Promise<RemovableVolume[]> {
  const stdout = await probe.run(
    windowsPowerShellPath(systemRoot),
    ['-NoProfile', '-NonInteractive', '-Command', QUERY],
    10_000,
  );
  return stdout === null ? [] : parseWindowsVolumes(stdout, probe);
}

export async function parseWindowsVolumes(stdout: string, probe: VolumeProbe): Promise<RemovableVolume[]> {
  if (stdout.trim() === '') return [];
  let untrustedJson: unknown;
  try {
    untrustedJson = JSON.parse(stdout);
  } catch {
    return [];
  }
  const parsed = outputSchema.safeParse(untrustedJson);
  if (!parsed.success) return [];
  const disks = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return Promise.all(
    disks.map(async (disk) => {
      const mountPoint = `${disk.DeviceID}\\`;
      return {
        mountPoint,
        label: disk.VolumeName ? `${disk.VolumeName} (${disk.DeviceID})` : disk.DeviceID,
        device: disk.DeviceID,
        fileSystem: disk.FileSystem ?? null,
        totalBytes: toBytes(disk.Size),
        freeBytes: toBytes(disk.FreeSpace),
        writable: await probe.canWrite(mountPoint),
      };
    }),
  );
}

function toBytes(value: number | string | null | undefined): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

import { basename, dirname } from 'node:path';
import type { RemovableVolume } from '@shared/ipc/contract';
import { parseMountInfo, type MountInfoEntry } from './parse-mountinfo';
import type { VolumeProbe } from './volume-probe';

/**
 * Removable volumes on Linux: block-device mounts whose disk has the kernel's `removable` flag set or
 * sits on a USB bus (many USB SSDs report removable=0). `root` is "/" in the app and a fixture tree in tests.
 */
export async function listLinuxVolumes(probe: VolumeProbe, root = '/'): Promise<RemovableVolume[]> {
  const at = (path: string) => `${root.replace(/\/$/, '')}${path}`;
  const mountInfo = await probe.readText(at('/proc/self/mountinfo'));
  if (mountInfo === null) return [];
  const volumes: RemovableVolume[] = [];
  const seen = new Set<string>();
  for (const entry of parseMountInfo(mountInfo)) {
    if (!entry.source.startsWith('/dev/') || seen.has(entry.mountPoint)) continue;
    if (!(await isRemovableDevice(probe, at, entry))) continue;
    seen.add(entry.mountPoint);
    volumes.push(await describeVolume(probe, entry));
  }
  return volumes;
}

async function isRemovableDevice(probe: VolumeProbe, at: (p: string) => string, entry: MountInfoEntry) {
  const devicePath = await probe.realpath(at(`/sys/dev/block/${entry.majorMinor}`));
  if (devicePath === null) return false;
  const isPartition = (await probe.readText(`${devicePath}/partition`)) !== null;
  const diskPath = isPartition ? dirname(devicePath) : devicePath;
  const removable = (await probe.readText(`${diskPath}/removable`))?.trim() === '1';
  return removable || /\/usb\d*\//.test(diskPath);
}

async function describeVolume(probe: VolumeProbe, entry: MountInfoEntry): Promise<RemovableVolume> {
  const space = await probe.space(entry.mountPoint);
  const mountedReadOnly = entry.mountOptions.includes('ro') || entry.superOptions.includes('ro');
  return {
    mountPoint: entry.mountPoint,
    label: basename(entry.mountPoint) || entry.mountPoint,
    device: entry.source,
    fileSystem: entry.fileSystem || null,
    totalBytes: space?.totalBytes ?? null,
    freeBytes: space?.freeBytes ?? null,
    writable: !mountedReadOnly && (await probe.canWrite(entry.mountPoint)),
  };
}

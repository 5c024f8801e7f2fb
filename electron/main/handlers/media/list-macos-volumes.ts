import type { RemovableVolume } from '@shared/ipc/contract';
import type { VolumeProbe } from './volume-probe';

/**
 * macOS mounts external media under /Volumes; the start-up disk appears there as a symlink to "/",
 * which is skipped. Disk images also show up here: best effort, as the issue allows.
 */
export async function listMacosVolumes(probe: VolumeProbe, volumesDir = '/Volumes'): Promise<RemovableVolume[]> {
  const volumes: RemovableVolume[] = [];
  for (const name of (await probe.listDir(volumesDir)).sort()) {
    if (name.startsWith('.')) continue;
    const mountPoint = `${volumesDir}/${name}`;
    if (await probe.isSymlink(mountPoint)) continue;
    const space = await probe.space(mountPoint);
    volumes.push({
      mountPoint,
      label: name,
      device: null,
      fileSystem: null,
      totalBytes: space?.totalBytes ?? null,
      freeBytes: space?.freeBytes ?? null,
      writable: await probe.canWrite(mountPoint),
    });
  }
  return volumes;
}

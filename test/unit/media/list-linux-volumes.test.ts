import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLinuxVolumes } from '../../../electron/main/handlers/media/list-linux-volumes';
import { parseMountInfo } from '../../../electron/main/handlers/media/parse-mountinfo';
import { nodeVolumeProbe, type VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';

// A fixture of a real laptop: NVMe system disk, a USB stick with a space in its label (removable=1),
// a USB SSD that reports removable=0 but sits on the USB bus, a read-only SD card, and tmpfs/proc noise.
const mountinfo = [
  '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw',
  '23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw',
  '24 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw,size=8000000k',
  '30 22 259:1 / /boot/efi rw,relatime shared:3 - vfat /dev/nvme0n1p1 rw',
  '91 22 8:17 / /media/ana/EVIDENCE\\040STICK rw,nosuid,nodev,relatime shared:50 - vfat /dev/sdb1 rw,uid=1000',
  '92 22 8:32 / /run/media/ana/Courier-SSD rw,nosuid,nodev shared:51 - exfat /dev/sdc rw',
  '93 22 179:1 / /media/ana/SDCARD ro,nosuid,nodev shared:52 - vfat /dev/mmcblk0p1 ro',
  '94 22 0:40 / /tmp rw,nosuid shared:13 - tmpfs tmpfs rw',
  'garbage line without separator',
  '',
].join('\n');

let root: string;

async function file(path: string, content: string) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}
async function device(majorMinor: string, sysPath: string, opts: { removable?: string; partition?: boolean }) {
  const full = join(root, 'sys/devices', sysPath);
  await mkdir(full, { recursive: true });
  if (opts.partition) await writeFile(join(full, 'partition'), '1\n');
  const disk = opts.partition ? join(full, '..') : full;
  if (opts.removable !== undefined) await writeFile(join(disk, 'removable'), opts.removable);
  await mkdir(join(root, 'sys/dev/block'), { recursive: true });
  await symlink(full, join(root, 'sys/dev/block', majorMinor));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'casebridge-mounts-'));
  await file('proc/self/mountinfo', mountinfo);
  await device('259:2', 'pci0000:00/nvme/nvme0/nvme0n1/nvme0n1p2', { removable: '0\n', partition: true });
  await device('259:1', 'pci0000:00/nvme/nvme0/nvme0n1/nvme0n1p1', { removable: '0\n', partition: true });
  await device('8:17', 'pci0000:00/usb2/2-1/host6/block/sdb/sdb1', { removable: '1\n', partition: true });
  await device('8:32', 'pci0000:00/usb3/3-2/host7/block/sdc', { removable: '0\n' });
  await device('179:1', 'platform/mmc0/mmcblk0/mmcblk0p1', { removable: '1\n', partition: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const probe = (writable: Set<string>): VolumeProbe => ({
  ...nodeVolumeProbe,
  space: async (path) => (path.includes('SSD') ? null : { totalBytes: 8e9, freeBytes: 5e9 }),
  canWrite: async (path) => writable.has(path),
});

describe('Linux removable volumes', () => {
  it('finds USB sticks, USB disks and SD cards, and nothing else', async () => {
    const volumes = await listLinuxVolumes(probe(new Set(['/media/ana/EVIDENCE STICK', '/media/ana/SDCARD'])), root);
    expect(volumes).toEqual([
      {
        mountPoint: '/media/ana/EVIDENCE STICK',
        label: 'EVIDENCE STICK',
        device: '/dev/sdb1',
        fileSystem: 'vfat',
        totalBytes: 8e9,
        freeBytes: 5e9,
        writable: true,
      },
      {
        mountPoint: '/run/media/ana/Courier-SSD',
        label: 'Courier-SSD',
        device: '/dev/sdc',
        fileSystem: 'exfat',
        totalBytes: null,
        freeBytes: null,
        writable: false,
      },
      {
        mountPoint: '/media/ana/SDCARD',
        label: 'SDCARD',
        device: '/dev/mmcblk0p1',
        fileSystem: 'vfat',
        totalBytes: 8e9,
        freeBytes: 5e9,
        // mounted ro: not writable even though access() would say yes
        writable: false,
      },
    ]);
  });

  it('returns nothing when the mount table cannot be read', async () => {
    await rm(join(root, 'proc'), { recursive: true });
    expect(await listLinuxVolumes(nodeVolumeProbe, root)).toEqual([]);
  });

  it('parses escapes and skips malformed lines', () => {
    const entries = parseMountInfo(mountinfo);
    expect(entries).toHaveLength(8);
    expect(entries.find((e) => e.source === '/dev/sdb1')?.mountPoint).toBe('/media/ana/EVIDENCE STICK');
  });

  it('runs against this machine without throwing', async () => {
    const volumes = await listLinuxVolumes(nodeVolumeProbe);
    expect(Array.isArray(volumes)).toBe(true);
  });
});

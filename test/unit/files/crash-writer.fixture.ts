// Child process for the crash tests: writes 512 KiB and dies abruptly right after the step named in argv.
import { writeFileAtomically, type WriteStep } from '../../../electron/main/handlers/files/write-file-atomically';

const [target, stopAfter] = process.argv.slice(2) as [string, WriteStep];
const data = new Uint8Array(512 * 1024).fill(7);
async function* chunks() {
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}
await writeFileAtomically({
  targetPath: target,
  chunks: chunks(),
  expectedBytes: data.length,
  afterStep: (step) => {
    if (step === stopAfter) process.kill(process.pid, 'SIGKILL');
  },
});

/**
 * Derives a working copy made by derive.ts again from its master and compares it with the working
 * copy byte for byte, for the app's verification and the standalone verifier. The master is
 * scanned once (and hashed on the way), then its spans are read again as the derived copy is
 * produced; the working copy is read once, compared and hashed as it goes by. Nothing is written.
 */
import { createHash } from 'node:crypto';
import type { RangeReader, RederiveResult } from '../seal/rederive';
import { WebmScanner, WebmFormatError } from './layout';
import { planWorkingCopy, workingCopyPieces } from './derive';

const blockBytes = 4 * 1024 * 1024;

/** Thrown when the master cannot be read as a recording at all; its message says why. */
export class PatchError extends Error {}

export async function rederiveWebm(master: RangeReader, working: RangeReader): Promise<RederiveResult> {
  const masterHash = createHash('sha256');
  const scanner = new WebmScanner();
  let scanFailure: string | null = null;
  for (let at = 0; at < master.size; at += blockBytes) {
    const bytes = await master.read(at, Math.min(master.size, at + blockBytes));
    masterHash.update(bytes);
    if (scanFailure !== null) continue;
    try {
      scanner.push(bytes);
    } catch (err) {
      scanFailure = err instanceof Error ? err.message : String(err);
    }
  }
  const masterSha256 = masterHash.digest('hex');
  let plan;
  try {
    if (scanFailure !== null) throw new WebmFormatError(scanFailure);
    plan = planWorkingCopy(scanner.finish());
  } catch (err) {
    throw new PatchError(err instanceof Error ? err.message : String(err));
  }

  const workingHash = createHash('sha256');
  let firstDifference: number | null = null;
  let position = 0;
  let block: Uint8Array = new Uint8Array(0);
  let blockStart = 0;
  let exhausted = false;
  for await (const derived of workingCopyPieces(plan, (s, e) => master.read(s, e))) {
    let offset = 0;
    while (offset < derived.byteLength) {
      if (position >= blockStart + block.byteLength) {
        workingHash.update(block);
        blockStart += block.byteLength;
        block = new Uint8Array(0);
        if (blockStart >= working.size) {
          // The working copy ends before the derived copy does.
          firstDifference ??= position;
          exhausted = true;
          break;
        }
        block = await working.read(blockStart, Math.min(working.size, blockStart + blockBytes));
      }
      const n = Math.min(derived.byteLength - offset, blockStart + block.byteLength - position);
      if (firstDifference === null) {
        const a = derived.subarray(offset, offset + n);
        const b = block.subarray(position - blockStart, position - blockStart + n);
        if (Buffer.compare(a, b) !== 0) {
          let i = 0;
          while (a[i] === b[i]) i++;
          firstDifference = position + i;
        }
      }
      offset += n;
      position += n;
    }
    if (exhausted) break;
  }
  workingHash.update(block);
  for (let at = blockStart + block.byteLength; at < working.size; at += blockBytes) {
    workingHash.update(await working.read(at, Math.min(working.size, at + blockBytes)));
  }
  if (plan.size !== working.size) firstDifference = Math.min(firstDifference ?? Infinity, plan.size, working.size);
  return { masterSha256, workingSha256: workingHash.digest('hex'), derivedSize: plan.size, firstDifference };
}

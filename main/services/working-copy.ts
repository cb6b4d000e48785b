import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Conversion, StreamTargetChunk } from 'mediabunny';
import { createHash } from 'node:crypto';
import type { MediaStore } from './storage/media-store';
import { hashStored } from './storage/hash-stored';
import { WebmScanner, type WebmLayout } from './webm/layout';
import { planWorkingCopy, webmPatcher, workingCopyPieces } from './webm/derive';
import type { IncrementalWorkingCopy } from './webm/incremental';

/** What a working copy was derived from and how, so anyone can derive it again and compare. */
export interface Derivation {
  tool: string;
  toolVersion: string;
  input: { name: string; sha256: string; sizeBytes: number };
  output: { name: string; sha256: string; sizeBytes: number };
  durationMs: number;
}

/** What the recording service learnt of a master while its chunks arrived. */
export interface KnownMaster {
  layout: WebmLayout;
  sha256: string;
  sizeBytes: number;
  /** The working copy written while the master was recorded, to be completed (webm/incremental.ts). */
  incremental?: IncrementalWorkingCopy;
}

export interface WorkingCopyDeriver {
  /**
   * Makes the working copy. `known` is the layout read while the master was recorded (with its
   * hash and size); without it, or when the master's size differs, the master is scanned first.
   */
  derive(hearingId: string, masterName: string, workingName: string, known?: KnownMaster): Promise<Derivation>;
}

/** The remuxer that ran, read from the installed package so the record names the real version. */
export const remuxTool = { name: 'mediabunny', version: installedVersion('mediabunny') };

function installedVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the installed version of ${name}.`);
}

/**
 * The working copy as the app makes it: the master's own bytes with their sizes, the duration,
 * a seek head and cues filled in (webm/derive.ts). While a master is recorded, RecordingService
 * feeds each chunk to a WebmScanner and writes the working copy's clusters as they arrive
 * (webm/incremental.ts), so stopping only writes the header and the cues, then hashes the copy
 * once. After a crash, or when that copy was given up, the master is scanned and copied whole,
 * which gives the same layout and so the same bytes. See docs/recording.md.
 */
export class WebmPatcher implements WorkingCopyDeriver {
  /** `others` makes the working copy of a master that is not WebM (an MP4 from another browser). */
  constructor(
    private readonly store: MediaStore,
    private readonly others: WorkingCopyDeriver = new MediabunnyRemuxer(store),
    private readonly log: { error(message: string, err: unknown): void } = console,
  ) {}

  /**
   * Stopping a recording whose working copy was written as it arrived: the header and cues are
   * written, the copy made durable, then read back once to be hashed (its header comes first and
   * is known only now, so no hash of it could run along).
   */
  private async complete(
    hearingId: string,
    masterName: string,
    workingName: string,
    known: KnownMaster,
    copy: IncrementalWorkingCopy,
  ): Promise<Derivation> {
    const plan = await copy.finish(known.layout, known.sizeBytes, (start, end) => this.store.readBytes(hearingId, masterName, start, end));
    copy.commit();
    const output = await hashStored(this.store, hearingId, workingName);
    if (output.sizeBytes !== plan.size) {
      throw new Error(`The working copy has ${output.sizeBytes} bytes where ${plan.size} were planned.`);
    }
    return {
      tool: webmPatcher.tool,
      toolVersion: webmPatcher.version,
      input: { name: masterName, sha256: known.sha256, sizeBytes: known.sizeBytes },
      output: { name: workingName, ...output },
      durationMs: plan.durationMs,
    };
  }

  async derive(hearingId: string, masterName: string, workingName: string, known?: KnownMaster): Promise<Derivation> {
    if (!masterName.endsWith('.webm')) {
      known?.incremental?.abort();
      return this.others.derive(hearingId, masterName, workingName);
    }
    const size = this.store.size(hearingId, masterName);
    if (size === null || size === 0) {
      known?.incremental?.abort();
      throw new Error(`The master ${masterName} is missing or empty.`);
    }
    if (known?.incremental) {
      const copy = known.incremental;
      if (known.sizeBytes === size) {
        try {
          return await this.complete(hearingId, masterName, workingName, known, copy);
        } catch (err) {
          copy.abort();
          // The copy is then made from the master, as after a crash; a full disk fails there too.
          this.log.error(`the working copy of ${masterName} written while recording was given up`, err);
        }
      } else {
        copy.abort();
      }
    }
    let layout: WebmLayout;
    let input: { sha256: string; sizeBytes: number };
    if (known && known.sizeBytes === size) {
      layout = known.layout;
      input = { sha256: known.sha256, sizeBytes: size };
    } else {
      const scanner = new WebmScanner();
      const hash = createHash('sha256');
      const reader = this.store.read(hearingId, masterName).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        scanner.push(value);
      }
      layout = scanner.finish();
      input = { sha256: hash.digest('hex'), sizeBytes: size };
    }
    const plan = planWorkingCopy(layout);
    const writable = this.store.createWritable(hearingId, workingName);
    const output = createHash('sha256');
    let position = 0;
    try {
      for await (const bytes of workingCopyPieces(plan, (start, end) =>
        this.store.readBytes(hearingId, masterName, start, end),
      )) {
        writable.write(position, bytes);
        output.update(bytes);
        position += bytes.byteLength;
      }
      writable.commit();
    } catch (err) {
      writable.abort();
      throw err;
    }
    return {
      tool: webmPatcher.tool,
      toolVersion: webmPatcher.version,
      input: { name: masterName, ...input },
      output: { name: workingName, sha256: output.digest('hex'), sizeBytes: position },
      durationMs: plan.durationMs,
    };
  }
}

/**
 * Remuxes the master (as MediaRecorder wrote it: no duration, no cues) into a WebM file whose
 * duration is known and whose cues let a player seek anywhere. Packets are copied, never
 * re-encoded, so the pictures and sound are the master's own.
 */
export class MediabunnyRemuxer implements WorkingCopyDeriver {
  constructor(private readonly store: MediaStore) {}

  async derive(hearingId: string, masterName: string, workingName: string): Promise<Derivation> {
    const inputSize = this.store.size(hearingId, masterName);
    if (inputSize === null || inputSize === 0) throw new Error(`The master ${masterName} is missing or empty.`);
    // Loaded only for a master that is not WebM: the app starts without it.
    const { ALL_FORMATS, Conversion, CustomSource, Input, Output, StreamTarget, WebMOutputFormat } = await import('mediabunny');
    const source = new CustomSource({
      getSize: () => inputSize,
      read: (start, end) => this.store.readBytes(hearingId, masterName, start, end),
    });
    const input = new Input({ formats: ALL_FORMATS, source });
    const writable = this.store.createWritable(hearingId, workingName);
    // A write that fails (a full disk) must not error the stream: the remuxer would then close
    // it again while cancelling and leave a rejected promise nobody handles. The error is kept,
    // the conversion cancelled, and the error reported once the remuxer has wound down.
    let writeError: unknown = null;
    let conversion: Conversion | null = null;
    const target = new StreamTarget(
      new WritableStream<StreamTargetChunk>({
        write(chunk) {
          if (writeError !== null) return;
          try {
            writable.write(chunk.position, chunk.data);
          } catch (err) {
            writeError = err;
            conversion?.cancel().catch(() => undefined);
          }
        },
      }),
    );
    const output = new Output({ format: new WebMOutputFormat({ appendOnly: false }), target });
    try {
      conversion = await Conversion.init({ input, output, showWarnings: false });
      if (!conversion.isValid) {
        const reasons = conversion.discardedTracks.map((t) => t.reason).join(', ');
        throw new Error(`The master cannot be remuxed (${reasons || 'no usable track'}).`);
      }
      try {
        await conversion.execute();
      } catch (err) {
        if (writeError === null) throw err;
      }
      if (writeError !== null) throw writeError;
      writable.commit();
    } catch (err) {
      writable.abort();
      throw err;
    } finally {
      input.dispose();
    }
    // Hash both files from disk: what is recorded is what a verifier will read.
    const inputFile = await hashStored(this.store, hearingId, masterName);
    const outputFile = await hashStored(this.store, hearingId, workingName);
    const durationMs = await this.durationOf(hearingId, workingName);
    return {
      tool: remuxTool.name,
      toolVersion: remuxTool.version,
      input: { name: masterName, ...inputFile },
      output: { name: workingName, ...outputFile },
      durationMs,
    };
  }

  private async durationOf(hearingId: string, name: string): Promise<number> {
    const size = this.store.size(hearingId, name) ?? 0;
    const { ALL_FORMATS, CustomSource, Input } = await import('mediabunny');
    const input = new Input({
      formats: ALL_FORMATS,
      source: new CustomSource({
        getSize: () => size,
        read: (start, end) => this.store.readBytes(hearingId, name, start, end),
      }),
    });
    try {
      return Math.round((await input.computeDuration()) * 1000);
    } finally {
      input.dispose();
    }
  }
}

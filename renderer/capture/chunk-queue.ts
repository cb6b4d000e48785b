/** Anything that can hand over its bytes, as a recorder's Blob can. */
export interface Chunk {
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type SendChunk = (seq: number, data: Uint8Array<ArrayBuffer>) => Promise<void>;

/**
 * Sends recorded chunks one at a time, in order, numbered from 0. A chunk is held only until it
 * is sent, so a long hearing never sits in memory. After a failed send nothing more is sent (a
 * gap would corrupt the master); the failure is reported once and later chunks are dropped.
 */
export class ChunkQueue {
  private readonly waiting: Chunk[] = [];
  private running: Promise<void> | null = null;
  private nextSeq = 0;
  private failedWith: { error: unknown } | null = null;

  constructor(
    private readonly send: SendChunk,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  push(chunk: Chunk): void {
    if (this.failedWith) return;
    this.waiting.push(chunk);
    // The reset runs as a later microtask, so it always follows this assignment.
    this.running ??= this.pump().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once every chunk pushed so far is sent, or the queue has failed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Chunks sent so far. */
  get sent(): number {
    return this.nextSeq;
  }

  /** Chunks waiting to be sent: a backlog that grows means the disk or host cannot keep up. */
  get backlog(): number {
    return this.waiting.length;
  }

  get failed(): boolean {
    return this.failedWith !== null;
  }

  private async pump(): Promise<void> {
    try {
      for (let chunk = this.waiting.shift(); chunk; chunk = this.waiting.shift()) {
        const data = new Uint8Array(await chunk.arrayBuffer());
        await this.send(this.nextSeq, data);
        this.nextSeq += 1;
      }
    } catch (error) {
      this.failedWith = { error };
      this.waiting.length = 0;
      this.onFailure(error);
    }
  }
}

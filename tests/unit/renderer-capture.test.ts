import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../shared/api/errors';
import { repeatIfUnreachable, unreachableReason } from '../../renderer/api/retry';
import { ChunkQueue, type Chunk } from '../../renderer/capture/chunk-queue';
import { pickMimeType } from '../../renderer/capture/mime-type';

const chunk = (...bytes: number[]): Chunk => ({
  arrayBuffer: async () => new Uint8Array(bytes).buffer,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

test('chunks are sent one at a time, in order, numbered from 0', async () => {
  const sent: Array<[number, number[]]> = [];
  let inFlight = 0;
  const queue = new ChunkQueue(
    async (seq, data) => {
      inFlight += 1;
      assert.equal(inFlight, 1, 'only one send at a time');
      await tick();
      sent.push([seq, [...data]]);
      inFlight -= 1;
    },
    () => assert.fail('no failure expected'),
  );
  queue.push(chunk(1));
  queue.push(chunk(2, 2));
  await tick();
  queue.push(chunk(3));
  await queue.drain();
  queue.push(chunk(4));
  await queue.drain();
  assert.deepEqual(sent, [
    [0, [1]],
    [1, [2, 2]],
    [2, [3]],
    [3, [4]],
  ]);
  assert.equal(queue.sent, 4);
  assert.equal(queue.backlog, 0);
});

test('after a failed send nothing more is sent and the failure is reported once', async () => {
  const sent: number[] = [];
  const failures: unknown[] = [];
  const queue = new ChunkQueue(
    async (seq) => {
      if (seq === 1) throw new Error('disk full');
      sent.push(seq);
    },
    (error) => failures.push(error),
  );
  for (let i = 0; i < 4; i++) queue.push(chunk(i));
  await queue.drain();
  queue.push(chunk(9));
  await queue.drain();
  assert.deepEqual(sent, [0]);
  assert.equal(failures.length, 1);
  assert.equal(queue.failed, true);
  assert.equal(queue.backlog, 0);
});

test('drain resolves at once on an empty queue, and also when reading a chunk fails', async () => {
  const failures: unknown[] = [];
  const queue = new ChunkQueue(
    async () => undefined,
    (error) => failures.push(error),
  );
  await queue.drain();
  queue.push({
    arrayBuffer: () => {
      throw new Error('unreadable');
    },
  });
  await queue.drain();
  assert.equal(failures.length, 1);
});

test('the first supported format is chosen, VP9 before VP8 before plain WebM', () => {
  assert.equal(
    pickMimeType(() => true),
    'video/webm;codecs=vp9,opus',
  );
  assert.equal(
    pickMimeType((t) => !t.includes('vp9')),
    'video/webm;codecs=vp8,opus',
  );
  assert.equal(
    pickMimeType((t) => t === 'video/webm'),
    'video/webm',
  );
  assert.equal(
    pickMimeType(() => false),
    null,
  );
});

test('a lost connection is retried, and a refused repeat can prove the first attempt ran', async () => {
  const lost = () => new ApiError('internal', 'lost', { details: { reason: unreachableReason } });

  let calls = 0;
  const value = await repeatIfUnreachable(
    async () => {
      calls += 1;
      if (calls < 3) throw lost();
      return 'ok';
    },
    { delayMs: 1 },
  );
  assert.equal(value, 'ok');
  assert.equal(calls, 3);

  calls = 0;
  await assert.rejects(
    repeatIfUnreachable(
      async () => {
        calls += 1;
        throw new ApiError('conflict', 'refused');
      },
      { delayMs: 1, ranBefore: async () => 'ran' },
    ),
    /refused/,
  );
  assert.equal(calls, 1, 'a refusal on the first attempt is final');

  calls = 0;
  const recognised = await repeatIfUnreachable(
    async () => {
      calls += 1;
      if (calls === 1) throw lost();
      throw new ApiError('conflict', 'already written');
    },
    { delayMs: 1, ranBefore: async () => 'ran' },
  );
  assert.equal(recognised, 'ran');

  await assert.rejects(
    repeatIfUnreachable(
      async () => {
        throw lost();
      },
      { delayMs: 1, attempts: 2 },
    ),
    /lost/,
  );
});

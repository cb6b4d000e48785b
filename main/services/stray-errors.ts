/**
 * A promise rejected with nobody listening (a library cancelling a stream it already closed, for
 * example) must not end the process: main holds the recording that is being made. It is logged
 * and the process goes on; every error that matters is handled where it happens.
 */
export function logStrayRejections(log: { error(message: string, err: unknown): void } = console): void {
  process.on('unhandledRejection', (reason) => {
    log.error('a promise was rejected and nobody handled it; Hearing Room goes on', reason);
  });
}

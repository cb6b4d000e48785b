import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { call } from '../../api/client';

export type Storage = CallOutput<'app.storage'>;

/** Free space changes slowly between recordings; during one, every chunk reports it anyway. */
const pollMs = 30_000;

/**
 * The free space where recordings are kept and the levels at which main warns and stops, asked
 * for now and then again every half minute. Null until the first answer; a failed ask keeps
 * the last answer (the monitors show it as it was, not as zero).
 */
export function useStorage(): Storage | null {
  const [storage, setStorage] = useState<Storage | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      call('app.storage', {}).then(
        (answer) => {
          if (live) setStorage(answer);
        },
        () => undefined,
      );
    void ask();
    const timer = window.setInterval(() => void ask(), pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return storage;
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Query<T> {
  /** The last value loaded for this key; kept while it reloads, so the screen does not flash. */
  value: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  value?: T;
  error?: unknown;
}

/** Loads data for a key (a hearing's id, say) and reloads it on demand. */
export function useQuery<T>(key: string, load: () => Promise<T>): Query<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [pending, setPending] = useState<{ key: string; version: number } | null>(null);

  useEffect(() => {
    let live = true;
    setPending({ key, version });
    loadRef
      .current()
      .then(
        (value) => {
          if (live) setLoaded({ key, value });
        },
        (error: unknown) => {
          if (live)
            setLoaded((previous) => ({
              key,
              value: previous?.key === key ? previous.value : undefined,
              error,
            }));
        },
      )
      .finally(() => {
        if (live) setPending(null);
      });
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = loaded?.key === key ? loaded : null;
  return {
    value: current?.value,
    error: current?.error,
    loading: pending !== null || current === null,
    reload,
  };
}

/** Keeps the machine from sleeping while a recording runs (Electron's powerSaveBlocker in the app). */
export interface KeepAwake {
  /** Returns the function that releases this hold. */
  hold(reason: string): () => void;
}

export const noKeepAwake: KeepAwake = { hold: () => () => {} };

import type { ProcedureStore, ProcedureView } from '../use-procedure';

export interface SectionProps {
  store: ProcedureStore;
  /** The record as main last returned it: what the form starts from, and what it may fall back on. */
  view: ProcedureView;
  readOnly: boolean;
}

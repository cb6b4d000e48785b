import { useSyncExternalStore } from 'react';
import { hrefFor, parseRoute, type Route } from './routes';

/**
 * Hash routing with one guard: while something must not be left (a recording running), a change
 * of screen is undone and the guard is told, so it can say why.
 */
type LeaveGuard = () => boolean;

let current = window.location.hash;
let navigated = false;
let guard: LeaveGuard | null = null;
const listeners = new Set<() => void>();

window.addEventListener('hashchange', (event) => {
  const next = window.location.hash;
  if (next === current) return;
  if (guard && !guard()) {
    window.history.replaceState(window.history.state, '', event.oldURL);
    return;
  }
  current = next;
  navigated = true;
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => current;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** Whether the person has moved between screens since the window opened. */
export function hasNavigated(): boolean {
  return navigated;
}

/** Whether something must not be left now (a recording runs): a guard is installed. */
export function leavingGuarded(): boolean {
  return guard !== null;
}

/** Installs a guard that may refuse leaving the current screen; returns its removal. */
export function guardLeaving(check: LeaveGuard): () => void {
  guard = check;
  return () => {
    if (guard === check) guard = null;
  };
}

import type { BladeApi } from 'tweakpane';

let lastId = 0;

/**
 * Tweakpane draws each label as a plain <div> beside its control, which a screen reader cannot
 * tie to the control. This names every control of a blade by its visible label, and hides
 * drawings (a level graph) that say nothing more than the value beside them.
 */
export function labelBlade(blade: BladeApi): void {
  const element = blade.element;
  const label = element.querySelector<HTMLElement>('.tp-lblv_l');
  if (label && label.textContent) {
    label.id ||= `tp-label-${++lastId}`;
    for (const control of element.querySelectorAll('select, input, textarea, button'))
      control.setAttribute('aria-labelledby', label.id);
  }
  for (const drawing of element.querySelectorAll('svg'))
    drawing.setAttribute('aria-hidden', 'true');
}

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing } from '../../shared/domain/hearing';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { focusField } from './field-ids';
import { Preparation } from './Preparation';
import './procedure.css';
import type { HearingTab, Workspace } from './workspace';

const tabs: HearingTab[] = ['preparation', 'hearing'];

/**
 * The hearing page in two parts: the preparation (the procedural record and what it still
 * lacks) and the hearing itself (recording, event log, recordings, written record). Both stay
 * mounted, so the camera and a running recording are never interrupted by a change of tab.
 */
export function HearingTabs({
  workspace,
  hearing,
  children,
}: {
  workspace: Workspace;
  hearing: Hearing;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { procedure, tab: chosen, setTab, focusRequest } = workspace;
  const view = procedure.view;
  const buttons = useRef<Partial<Record<HearingTab, HTMLButtonElement | null>>>({});

  // The first tab follows the state of the hearing once, and then only the person's choice.
  const opening: HearingTab =
    view && (view.evaluation.mayRecord || view.locked || hearing.recordings.length > 0)
      ? 'hearing'
      : 'preparation';
  useEffect(() => {
    if (chosen === null && view) setTab(opening);
  }, [chosen, view, opening, setTab]);
  const tab = chosen ?? opening;

  useEffect(() => {
    if (!focusRequest || tab !== 'preparation') return;
    const frame = window.requestAnimationFrame(() => focusField(focusRequest.field));
    return () => window.cancelAnimationFrame(frame);
  }, [focusRequest, tab]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const at = tabs.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(at + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(at + tabs.length - 1) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    buttons.current[next]?.focus();
  }

  const unmet = view?.evaluation.unmet.length ?? 0;
  const sealed = hearing.status === 'sealed';
  // The hearing's panel keeps its place in the tree whatever happens around it, so the
  // recorder inside it is never unmounted by the record loading or failing to load.
  return (
    <div className="hearing-tabs">
      {procedure.error !== undefined && (
        <LoadFailed
          what={view ? t('procedure.refreshFailed') : t('procedure.loadFailed')}
          error={procedure.error}
          onRetry={() => void procedure.reload()}
        />
      )}
      {!view && procedure.error === undefined && <Loading />}
      {view && (
        <div role="tablist" aria-label={t('tabs.label')} className="tablist">
          {tabs.map((name, index) => (
            <button
              key={name}
              ref={(element) => {
                buttons.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-controls={`tabpanel-${name}`}
              aria-selected={tab === name}
              tabIndex={tab === name ? 0 : -1}
              className="tab"
              onClick={() => setTab(name)}
              onKeyDown={onKeyDown}
            >
              <span className="tab-step" aria-hidden="true">
                {index + 1}
              </span>
              {t(`tabs.${name}`)}
              {name === 'preparation' && (
                <span className={`tab-badge ${unmet === 0 ? 'done' : ''}`}>
                  {unmet === 0 ? t('tabs.complete') : t('tabs.toDo', { count: unmet })}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
      {view && (
        <div
          role="tabpanel"
          id="tabpanel-preparation"
          aria-labelledby="tab-preparation"
          hidden={tab !== 'preparation'}
          className="tabpanel"
        >
          <Preparation store={procedure} view={view} sealed={sealed} onGoTo={workspace.goTo} />
        </div>
      )}
      <div
        role={view ? 'tabpanel' : undefined}
        id="tabpanel-hearing"
        aria-labelledby={view ? 'tab-hearing' : undefined}
        hidden={view ? tab !== 'hearing' : procedure.error === undefined}
        className="tabpanel"
      >
        {children}
      </div>
    </div>
  );
}

import './designer.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import { DesignerCanvas } from './canvas/DesignerCanvas';
import { Palette } from './palette/Palette';
import { DesignerToolbar } from './DesignerToolbar';
import { PropertiesPanel } from './properties/PropertiesPanel';
import { FieldsEditor } from './fields/FieldsEditor';
import { SimulationPanel } from './simulation/SimulationPanel';
import { ProblemsList } from './validation/ProblemsList';
import { ConflictDialog } from './drafts/ConflictDialog';
import { useDraftSync } from './drafts/use-draft-sync';
import { useValidation } from './validation/use-validation';
import { useDesignerShortcuts } from './shortcuts/use-designer-shortcuts';
import { useDesignerStore } from './store/designer.store';
import { LeaveGuard } from './drafts/LeaveGuard';
import { ShortcutsOverlay } from './shortcuts/ShortcutsOverlay';
import { ConnectDialog } from './shortcuts/ConnectDialog';
import { useSimulationStore } from './simulation/simulation.store';

type SideTab = 'properties' | 'fields' | 'simulation';
const TABS: SideTab[] = ['properties', 'fields', 'simulation'];

/** The Designer screen: toolbar, palette | canvas + problems | side panel tabs. */
export function DesignerWorkspace({ workflowKey }: { workflowKey: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('properties');
  useShowPropertiesOnSelect(setTab);
  const sync = useDraftSync(workflowKey);
  useValidation();
  useDesignerShortcuts(() => void sync.save());
  useEffect(() => () => useSimulationStore.getState().reset(), [workflowKey]);

  return (
    <ReactFlowProvider>
      <div className="designer" data-testid="designer">
        <DesignerToolbar workflowKey={workflowKey} sync={sync} />
        <div className="designer-main">
          <Palette />
          <div className="designer-centre">
            <DesignerCanvas />
            <ProblemsList onNavigate={(target) => setTab(target === 'fields' ? 'fields' : 'properties')} />
          </div>
          <aside className="designer-side">
            <div className="tabs" role="tablist">
              {TABS.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  className={tab === name ? 'active' : ''}
                  onClick={() => setTab(name)}
                  data-testid={`tab-${name}`}
                >
                  {t(`designer.tabs.${name}`)}
                </button>
              ))}
            </div>
            <div className="tab-body">
              {tab === 'properties' && <PropertiesPanel />}
              {tab === 'fields' && <FieldsEditor />}
              {/* Kept mounted so a run survives switching tabs. */}
              <div hidden={tab !== 'simulation'}>
                <SimulationPanel />
              </div>
            </div>
          </aside>
        </div>
        <ConflictDialog sync={sync} />
        <LeaveGuard sync={sync} />
        <ShortcutsOverlay />
        <ConnectDialog />
      </div>
    </ReactFlowProvider>
  );
}

/**
 * Clicking a node or edge while the fields tab is open shows its properties (else
 * the click seems to do nothing). The simulation tab stays, so a run stays in view.
 */
function useShowPropertiesOnSelect(setTab: (change: (tab: SideTab) => SideTab) => void): void {
  const selection = useDesignerStore((s) => s.selection);
  useEffect(() => {
    if (selection.nodeIds.length + selection.edgeIds.length === 0) return;
    setTab((tab) => (tab === 'fields' ? 'properties' : tab));
  }, [selection, setTab]);
}

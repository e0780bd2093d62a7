import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerStore } from '../store/designer.store';
import { useKeyboardStore } from './keyboard.store';
import { canConnect } from '../model/connection-rules';
import { exitsOf } from '../model/node-catalog';

/**
 * "Connect to…" for keyboard users (C on a selected node): pick the exit and the
 * target from lists; the same rules as a drag decide (canConnect), and the edge
 * is one edge.connect command.
 */
export function ConnectDialog() {
  const from = useKeyboardStore((s) => s.connectFrom);
  if (!from) return null;
  return <ConnectForm key={from} from={from} />;
}

function ConnectForm({ from }: { from: string }) {
  const { t } = useTranslation();
  const close = () => useKeyboardStore.getState().setConnectFrom(null);
  const definition = useDesignerStore((s) => s.definition);
  const source = definition.nodes.find((n) => n.id === from);
  const exits = source ? exitsOf(source) : [];
  const [exit, setExit] = useState(exits[0] ?? 'out');
  const targets = definition.nodes.filter(
    (n) => canConnect(definition, { source: from, target: n.id, sourceHandle: exit }).ok,
  );
  const [target, setTarget] = useState('');
  const chosen = target || targets[0]?.id || '';
  const label = (id: string) => {
    const node = definition.nodes.find((n) => n.id === id);
    return node ? `${node.name || t(`nodeTypes.${node.type}`)} (${node.id})` : id;
  };

  function connect() {
    const verdict = canConnect(useDesignerStore.getState().definition, {
      source: from,
      target: chosen,
      sourceHandle: exit,
    });
    if (verdict.ok) {
      useDesignerStore.getState().dispatch({ type: 'edge.connect', payload: { edge: verdict.edge } });
      close();
    }
  }

  return (
    <div
      className="modal-backdrop"
      role="presentation"
      onClick={(e) => e.target === e.currentTarget && close()}
    >
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape closes the dialog (WAI-ARIA dialog pattern) */}
      <form
        className="modal connect-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        data-testid="connect-dialog"
        onKeyDown={(e) => e.key === 'Escape' && close()}
        onSubmit={(e) => {
          e.preventDefault();
          connect();
        }}
      >
        <h2 id="connect-title">{t('designer.connect.title', { name: label(from) })}</h2>
        {exits.length > 1 && (
          <label>
            {t('designer.connect.exit')}
            <select
              data-testid="connect-exit"
              value={exit}
              onChange={(e) => setExit(e.target.value)}
              autoFocus
            >
              {exits.map((x) => (
                <option key={x} value={x}>
                  {t(`outcomes.${x}`, { defaultValue: x })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('designer.connect.target')}
          <select
            data-testid="connect-target"
            value={chosen}
            onChange={(e) => setTarget(e.target.value)}
            autoFocus={exits.length <= 1}
          >
            {targets.map((n) => (
              <option key={n.id} value={n.id}>
                {label(n.id)}
              </option>
            ))}
          </select>
        </label>
        {targets.length === 0 && <p className="muted small">{t('designer.connect.none')}</p>}
        <div className="modal-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!chosen} data-testid="connect-submit">
            {t('designer.connect.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

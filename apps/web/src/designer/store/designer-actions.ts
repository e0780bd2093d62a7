import { copySelection, prepareForPaste, type ClipboardContent } from '../model/clipboard';
import { layoutFlow, type Size } from '../layout/elk-layout';
import { useDesignerStore } from './designer.store';

/**
 * Designer actions used by shortcuts and toolbar buttons. Each reads the store,
 * builds one command and executes it (side effect: store update).
 */
let clipboard: ClipboardContent | null = null;

export function removeSelection(): void {
  const { selection, dispatch } = useDesignerStore.getState();
  if (selection.nodeIds.length)
    dispatch({ type: 'node.remove', payload: { nodeIds: selection.nodeIds, edgeIds: selection.edgeIds } });
  else if (selection.edgeIds.length)
    dispatch({ type: 'edge.remove', payload: { edgeIds: selection.edgeIds } });
}

export function copyToClipboard(): boolean {
  const { definition, selection } = useDesignerStore.getState();
  const copied = copySelection(definition, selection);
  if (copied) clipboard = copied;
  return copied !== null;
}

export function pasteFromClipboard(): void {
  if (!clipboard) return;
  const { definition, dispatch, select } = useDesignerStore.getState();
  const pasted = prepareForPaste(definition, clipboard);
  if (pasted.nodes.length === 0) return;
  dispatch({ type: 'clipboard.paste', payload: { nodes: pasted.nodes, edges: pasted.edges } });
  select({ nodeIds: pasted.nodes.map((n) => n.id), edgeIds: [] });
  // A second paste lands further along instead of on top of the first.
  clipboard = { nodes: pasted.nodes, edges: pasted.edges };
}

/**
 * Lays the flow out with ELK (measured node and label sizes where known) as one
 * undoable `layout.apply`. Async: ELK returns a promise.
 */
export async function autoLayout(
  sizes?: ReadonlyMap<string, Size>,
  labels?: ReadonlyMap<string, Size>,
): Promise<void> {
  const before = useDesignerStore.getState().definition;
  const { positions } = await layoutFlow(before, sizes, labels);
  const { definition, dispatch } = useDesignerStore.getState();
  // An edit made while ELK ran wins; lay out again if wanted.
  if (definition !== before) return;
  dispatch({ type: 'layout.apply', payload: { positions: Object.fromEntries(positions) } });
}

import { createContext, useContext } from 'react';
import type { NodeType } from '@ticketflow/definition';

/** What the Designer canvas offers its nodes for one-gesture building; null on read-only diagrams. */
export interface AppendActions {
  /** Exits ("node::exit") that already lead somewhere; single-way exits hide their "+". */
  takenExits: ReadonlySet<string>;
  /** Opens the node picker to append a node after this exit; `anchor` is where on screen. */
  open: (from: { source: string; exit: string }, anchor: { x: number; y: number }) => void;
}

export const AppendContext = createContext<AppendActions | null>(null);

export const useAppendActions = () => useContext(AppendContext);

/** Node types whose plain exit may lead to many places (every branch is a new edge). */
export function branchesFreely(type: NodeType): boolean {
  return type === 'decision' || type === 'parallel' || type === 'inclusive';
}

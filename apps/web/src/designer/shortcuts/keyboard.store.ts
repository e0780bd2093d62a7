import { create } from 'zustand';

/** Keyboard-driven dialogs of the Designer: the shortcuts overlay and "connect to…". */
interface KeyboardState {
  overlay: boolean;
  /** The node the connect dialog connects from, or null when closed. */
  connectFrom: string | null;
  setOverlay: (open: boolean) => void;
  setConnectFrom: (nodeId: string | null) => void;
}

export const useKeyboardStore = create<KeyboardState>()((set) => ({
  overlay: false,
  connectFrom: null,
  setOverlay: (overlay) => set({ overlay }),
  setConnectFrom: (connectFrom) => set({ connectFrom }),
}));

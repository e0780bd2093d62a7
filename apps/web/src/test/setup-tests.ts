import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../i18n/i18n';

// React Flow measures nodes with ResizeObserver and reads transforms through
// DOMMatrixReadOnly; jsdom has neither (docs/stack.md).
class ResizeObserverStandIn {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

class DOMMatrixReadOnlyStandIn {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStandIn;
g.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStandIn;

afterEach(() => {
  cleanup();
  localStorage.clear();
});

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AriaLabelConfig } from '@xyflow/react';

/**
 * React Flow's own accessible labels (zoom buttons, mini map, keyboard hints)
 * in the UI language, for its `ariaLabelConfig` prop.
 */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('flow.a11y.nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => t('flow.a11y.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('flow.a11y.edge'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.miniMap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    // `t` is stable across language changes; the language is what changes the labels.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is what changes the labels
    [t, i18n.language],
  );
}

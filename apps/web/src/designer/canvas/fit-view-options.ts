/**
 * How the canvas fits a flow into view (on open, "Fit", after layout or import):
 * a small flow should not open at 200 %, so fitting never zooms in past 100 %.
 */
export const FIT_VIEW_OPTIONS = { maxZoom: 1, padding: 0.15 } as const;

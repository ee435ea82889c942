// The map's actions: moving the selection, and opening the lesson selected (see map/reducer.ts).

/** The map's keys (and the welcome's Enter, which leads to it). */
export type MapAction =
  | { readonly type: 'continue' }
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'open' };

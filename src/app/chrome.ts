import { createStore } from '../ui/store.ts';

/** True while the top bar is hidden (reading down); the reader's own bar and outline pane follow it. */
export const topBarHidden = createStore(false);

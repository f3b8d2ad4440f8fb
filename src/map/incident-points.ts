/** The incident points the map draws, and the zoom from which it draws them one by one. */
export interface IncidentPoints {
  positions: Float32Array;
  types: Uint8Array;
  length: number;
}

/** Below this zoom the density image shows the incidents; from it on, deck.gl draws each point. */
export const POINTS_FROM_ZOOM = 10.5;

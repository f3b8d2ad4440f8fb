/**
 * Which screen a device gets when its link names none: the touch layout on a tablet-sized screen
 * whose main pointer is a finger, or on any screen too narrow for the desk's columns; the desk
 * otherwise. A wall touch screen (1920 px and up) keeps the desk: its panels fit and it is read
 * from afar. `?mode=tablet` / `?mode=desk` override this (url.svelte.ts).
 */
import type { Mode } from './view.svelte.ts';

/** The longest side of the largest tablets (a 12.9" iPad Pro is 1366×1024 CSS px). */
const TABLET_MAX_SIDE = 1440;
/** Below this width the desk's side columns leave no map between them, whatever the pointer. */
const DESK_MIN_WIDTH = 720;

export interface Screen {
  width: number;
  height: number;
  coarsePointer: boolean;
}

export function chooseMode({ width, height, coarsePointer }: Screen): Mode {
  if (width < DESK_MIN_WIDTH) return 'tablet';
  return coarsePointer && Math.max(width, height) <= TABLET_MAX_SIDE ? 'tablet' : 'desk';
}

/** The browser's side: the window's size and whether the primary pointer is coarse. */
export function deviceMode(win: Window): Mode {
  return chooseMode({ width: win.innerWidth, height: win.innerHeight, coarsePointer: win.matchMedia('(pointer: coarse)').matches });
}

/**
 * Which layout draws each screen mode. The desk and the tablet are in the first bundle (an official
 * on a weak network opens one of them); the wall and the print views load on their own, so their
 * code — lists, tiles, QR code, report tables — never weighs on the first paint of the others.
 */
import type { Component } from 'svelte';
import type { Mode } from '../../state/view.svelte.ts';
import DeskLayout from './DeskLayout.svelte';
import TabletLayout from './TabletLayout.svelte';

/** The layout, or a promise of it for one that loads on its own (`{#await}` draws a plain value at once). */
export type LayoutLoader = () => Component | Promise<Component>;

const ready = (layout: Component): LayoutLoader => () => layout;

export const LAYOUTS: Record<Mode, LayoutLoader> = {
  desk: ready(DeskLayout),
  tablet: ready(TabletLayout),
  wall: () => import('./WallLayout.svelte').then((m) => m.default),
  bulletin: () => import('./BulletinLayout.svelte').then((m) => m.default),
  report: () => import('./ReportLayout.svelte').then((m) => m.default),
};

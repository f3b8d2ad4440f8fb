/** Which layout draws each screen mode; the tablet layout joins this table in its issue. */
import type { Component } from 'svelte';
import type { Mode } from '../../state/view.svelte.ts';
import BulletinLayout from './BulletinLayout.svelte';
import DeskLayout from './DeskLayout.svelte';
import ReportLayout from './ReportLayout.svelte';
import TabletLayout from './TabletLayout.svelte';
import WallLayout from './WallLayout.svelte';

export const LAYOUTS: Record<Mode, Component> = {
  desk: DeskLayout,
  tablet: TabletLayout,
  wall: WallLayout,
  bulletin: BulletinLayout,
  report: ReportLayout,
};

/** Which layout draws each screen mode; the wall and tablet layouts join this table in their issues. */
import type { Component } from 'svelte';
import type { Mode } from '../../state/view.svelte.ts';
import BulletinLayout from './BulletinLayout.svelte';
import DeskLayout from './DeskLayout.svelte';
import ReportLayout from './ReportLayout.svelte';
import TabletLayout from './TabletLayout.svelte';

export const LAYOUTS: Record<Mode, Component> = {
  desk: DeskLayout,
  tablet: TabletLayout,
  bulletin: BulletinLayout,
  report: ReportLayout,
};

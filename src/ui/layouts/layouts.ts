/** Which layout draws each screen mode; the wall and tablet layouts join this table in their issues. */
import type { Component } from 'svelte';
import type { Mode } from '../../state/view.svelte.ts';
import DeskLayout from './DeskLayout.svelte';

export const LAYOUTS: Record<Mode, Component> = {
  desk: DeskLayout,
};

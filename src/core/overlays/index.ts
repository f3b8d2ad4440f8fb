export * from './types.ts';
export * from './parse-overlays.ts';
export * from './nearest-team.ts';
export * from './gap-list.ts';

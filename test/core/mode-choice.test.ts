import { describe, expect, it } from 'vitest';
import { chooseMode } from '../../src/state/mode-choice.ts';

describe('chooseMode', () => {
  it('gives a tablet-sized touch screen the touch layout, in either orientation', () => {
    for (const [width, height] of [[1024, 768], [768, 1024], [1366, 1024]]) expect(chooseMode({ width, height, coarsePointer: true })).toBe('tablet');
  });
  it('keeps the desk for a mouse, and for a touch screen as big as a wall', () => {
    expect(chooseMode({ width: 1024, height: 768, coarsePointer: false })).toBe('desk');
    expect(chooseMode({ width: 1920, height: 1080, coarsePointer: true })).toBe('desk');
  });
  it('gives any screen too narrow for the desk the touch layout', () => {
    expect(chooseMode({ width: 600, height: 900, coarsePointer: false })).toBe('tablet');
  });
});

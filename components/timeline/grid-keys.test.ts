import { describe, expect, it } from 'vitest';
import { moveInGrid } from './grid-keys';

const size = { rows: 5, cols: 4, page: 2 };

describe('moveInGrid (WAI-ARIA data grid keys)', () => {
  it.each([
    ['ArrowRight', false, { row: 2, col: 1 }, { row: 2, col: 2 }],
    ['ArrowLeft', false, { row: 2, col: 1 }, { row: 2, col: 0 }],
    ['ArrowDown', false, { row: 2, col: 1 }, { row: 3, col: 1 }],
    ['ArrowUp', false, { row: 2, col: 1 }, { row: 1, col: 1 }],
    ['ArrowLeft', false, { row: 2, col: 0 }, { row: 2, col: 0 }], // stays at the edge, no wrap
    ['ArrowDown', false, { row: 4, col: 1 }, { row: 4, col: 1 }],
    ['Home', false, { row: 2, col: 3 }, { row: 2, col: 0 }],
    ['End', false, { row: 2, col: 1 }, { row: 2, col: 3 }],
    ['Home', true, { row: 3, col: 3 }, { row: 0, col: 0 }],
    ['End', true, { row: 1, col: 1 }, { row: 4, col: 3 }],
    ['PageDown', false, { row: 1, col: 2 }, { row: 3, col: 2 }],
    ['PageDown', false, { row: 3, col: 2 }, { row: 4, col: 2 }],
    ['PageUp', false, { row: 1, col: 2 }, { row: 0, col: 2 }],
  ] as const)('%s (ctrl %s) from %j → %j', (key, ctrl, from, to) => {
    expect(moveInGrid(from, key, ctrl, size)).toEqual(to);
  });

  it('lets other keys through', () => {
    expect(moveInGrid({ row: 1, col: 1 }, 'Tab', false, size)).toBeNull();
    expect(moveInGrid({ row: 1, col: 1 }, 'a', false, size)).toBeNull();
  });
});

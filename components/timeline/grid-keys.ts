/**
 * Keyboard movement in an ARIA data grid (WAI-ARIA Authoring Practices, "Data Grid": arrow keys by one
 * cell, Home/End to the row's ends, Ctrl+Home/End to the grid's corners, PageUp/PageDown by a page of
 * rows). Positions include the headers: row 0 is the column-header row, column 0 the row headers. Pure,
 * so the grid component only maps the result to focus and scrolling.
 */

export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  /** Including the header row. */
  rows: number;
  /** Including the row-header column. */
  cols: number;
  /** Rows a PageUp/PageDown moves. */
  page: number;
}

/** The position a key moves focus to, or null when the key is not the grid's (let it through). */
export function moveInGrid(pos: GridPos, key: string, ctrl: boolean, size: GridSize): GridPos | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const clamp = (row: number, col: number): GridPos => ({
    row: Math.max(0, Math.min(lastRow, row)),
    col: Math.max(0, Math.min(lastCol, col)),
  });
  switch (key) {
    case 'ArrowRight':
      return clamp(pos.row, pos.col + 1);
    case 'ArrowLeft':
      return clamp(pos.row, pos.col - 1);
    case 'ArrowDown':
      return clamp(pos.row + 1, pos.col);
    case 'ArrowUp':
      return clamp(pos.row - 1, pos.col);
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : clamp(pos.row, 0);
    case 'End':
      return ctrl ? clamp(lastRow, lastCol) : clamp(pos.row, lastCol);
    case 'PageDown':
      return clamp(pos.row + Math.max(1, size.page), pos.col);
    case 'PageUp':
      return clamp(pos.row - Math.max(1, size.page), pos.col);
    default:
      return null;
  }
}

/**
 * Debian's Chromium and the flags every headless run here needs: as root it needs --no-sandbox, and
 * without the background-networking flags it keeps calling out of the closed network. Shared by the
 * Playwright config and the front-end benchmark.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

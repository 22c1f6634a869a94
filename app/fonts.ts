import localFont from 'next/font/local';

/*
 * Sarabun from @fontsource, through next/font: the files are preloaded and a size-adjusted fallback is
 * generated, so text does not jump when the font arrives (it did, shifting the whole page on phones).
 * Thai and Latin are separate files; unicode-range lets the browser take each script from its own file.
 * Two weights only, regular and semibold (bold text takes the semibold face): every preloaded file is a
 * request the first paint waits for, and on a slow phone connection each one cost ~0.1–0.2 s of LCP
 * (Lighthouse's simulation of the record page: 2.95 → 2.56 s without the third weight).
 * (next/font needs literal arguments, hence the repeated paths.)
 */
export const sarabunThai = localFont({
  src: [
    { path: '../node_modules/@fontsource/sarabun/files/sarabun-thai-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/sarabun/files/sarabun-thai-600-normal.woff2', weight: '600', style: 'normal' },
  ],
  variable: '--font-thai',
  display: 'swap',
  // The generated fallback face has no unicode-range and would capture Latin text: the Latin family below has one.
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC' }],
});

export const sarabunLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/sarabun/files/sarabun-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/sarabun/files/sarabun-latin-600-normal.woff2', weight: '600', style: 'normal' },
  ],
  variable: '--font-latin',
  display: 'swap',
});

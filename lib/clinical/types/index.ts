/**
 * View-model types of the clinical core. Everything here is plain JSON (strings, numbers, booleans,
 * arrays, plain objects): facts cross from the server to the browser, and the merged model is rendered
 * and printed from both sides.
 */
export * from './emergency';
export * from './facts';
export * from './results';
export * from './summary';
export * from './timeline';

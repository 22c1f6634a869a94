/** Runs once when the server starts: configuration, migrations and demo data; any failure stops start-up. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUpOrExit } = await import('./lib/startup');
  await startUpOrExit();
}

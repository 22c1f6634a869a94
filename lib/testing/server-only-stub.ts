// Stand-in for the 'server-only' marker package when code runs under Vitest in plain Node.
export {};

/** @module The server's log: one JSON object per line, for every layer (HTTP, domain, store). */

export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };
export type Logger = (entry: LogEntry) => void;

/** One JSON object per line on stdout (errors on stderr). */
export const jsonLogger: Logger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
};

import { pino, type Logger as PinoLogger } from "pino";

/**
 * The process logger: JSON lines on stderr, so stdout stays free for the console chat
 * and for the CLI's machine-readable output.
 */
export function createLogger(level: string): PinoLogger {
  return pino({ level, base: { app: "tro-ly-hop-nhat" } }, pino.destination(2));
}

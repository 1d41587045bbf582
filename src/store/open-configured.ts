import type { Config } from "../config.js";
import type { ClosableStore } from "../core/ports.js";
import { openStore } from "./open-store.js";
import { openPostgresStore } from "./postgres/open.js";

/** Options of {@link openConfiguredStore}. */
export interface ConfiguredStoreOptions {
  /** Open for reading only (the CLI's digest while the assistant runs). */
  readOnly?: boolean;
  /** The file store only: another process took the data file's lock over (see openStore). */
  onLockLost?: (error: Error) => void;
  /** PostgreSQL only: an idle connection failed (the pool reconnects when needed). */
  onConnectionError?: (error: Error) => void;
}

/**
 * The store the settings choose: PostgreSQL when DATABASE_URL is set, otherwise the embedded lowdb file
 * DATA_FILE (the default). Both refuse, with a message that says what to do, data they cannot serve.
 */
export function openConfiguredStore(config: Pick<Config, "DATA_FILE" | "DATABASE_URL">, options: ConfiguredStoreOptions = {}): Promise<ClosableStore> {
  if (config.DATABASE_URL) {
    return openPostgresStore(config.DATABASE_URL, {
      ...(options.readOnly !== undefined && { readOnly: options.readOnly }),
      ...(options.onConnectionError && { onConnectionError: options.onConnectionError }),
    });
  }
  return openStore({
    file: config.DATA_FILE,
    ...(options.readOnly !== undefined && { readOnly: options.readOnly }),
    ...(options.onLockLost && { onLockLost: options.onLockLost }),
  });
}

/** Where the configured store lives, for messages: the file, or the database URL without its password. */
export function storeLocation(config: Pick<Config, "DATA_FILE" | "DATABASE_URL">): string {
  if (!config.DATABASE_URL) return config.DATA_FILE;
  try {
    const u = new URL(config.DATABASE_URL);
    u.password = "";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}

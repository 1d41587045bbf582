/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, the server on a free loopback
 * port with its socket in that folder, and a watchdog that stops the server when the process that started it
 * is gone (so a killed test run leaves nothing behind). `PG_TEST_URL` set in the environment is used instead.
 *
 * Binaries are found on the PATH or under /usr/lib/postgresql/<version>/bin (Debian's `postgresql` package).
 * initdb refuses to run as root, so as root the cluster runs as the `postgres` user that package creates.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A running test cluster. */
export interface TestPostgres {
  /** A connection string for the `postgres` superuser over TCP on 127.0.0.1. */
  url: string;
  port: number;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** Where `name` (initdb, postgres, …) lives, or undefined when PostgreSQL is not installed. */
export function findPostgresBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const candidate = join(root, v, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function run(binary: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  execFileSync(cmd, argv, { stdio: "pipe" });
}

/**
 * Starts a new cluster and resolves once it accepts connections. Tests run it with fsync off (nothing they write
 * must survive a power loss); `durable: true` keeps fsync on, so a benchmark's acknowledged writes cost what they do
 * in production. Rejects with how to install PostgreSQL
 * when the binaries are missing.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const initdb = findPostgresBinary("initdb");
  const postgres = findPostgresBinary("postgres");
  const isReady = findPostgresBinary("pg_isready");
  if (!initdb || !postgres || !isReady) {
    throw new Error("test postgres: PostgreSQL is not installed; run `apt-get install -y postgresql` (or set PG_TEST_URL)");
  }
  const dir = mkdtempSync(join(tmpdir(), "tlhn-pg-"));
  chmodSync(dir, 0o700);
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  const serverArgs = ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", `fsync=${options.durable ? "on" : "off"}`, "-c", "max_connections=200"];
  // The watchdog: the server runs as a child of a shell that kills it once our process is gone.
  const serverCmd = [postgres, ...serverArgs].map((a) => `'${a}'`).join(" ");
  const watch = `${serverCmd} & pid=$!; while [ -d /proc/${process.pid} ] && [ -d /proc/$pid ]; do sleep 1; done; kill -INT $pid 2>/dev/null; wait $pid; rm -rf '${dir}'`;
  const child: ChildProcess = asRoot
    ? spawn("runuser", ["-u", "postgres", "--", "sh", "-c", watch], { stdio: "ignore", detached: true })
    : spawn("sh", ["-c", watch], { stdio: "ignore", detached: true });
  child.unref();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      execFileSync(isReady, ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres"], { stdio: "pipe" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`test postgres: the server in ${data} did not start within 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    async stop() {
      const pgCtl = findPostgresBinary("pg_ctl");
      try {
        if (pgCtl) run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
      } catch {
        // already stopped (the watchdog, or a test that stopped it on purpose)
      }
      if (child.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // the watchdog ended with the server
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database `name` in the cluster at `clusterUrl` (dropped first if it exists); resolves with its URL. */
export async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

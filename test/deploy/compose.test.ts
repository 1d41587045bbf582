/**
 * deploy/compose.multi.yaml and deploy/Caddyfile cannot be run here (no Docker engine on these machines), so this
 * test parses them and checks what would break a two-instance deployment: both instances on one PostgreSQL, neither
 * reachable except through the proxy, the proxy sending both webhooks to both, each instance with its own data
 * volume, and every variable the file needs documented in .env.example.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

interface Service {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  env_file?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  stop_grace_period?: string;
  healthcheck?: { test: string[] };
}

const composeText = readFileSync("deploy/compose.multi.yaml", "utf8");
// Compose resolves YAML merge keys (`<<: *assistant`); so does this parse.
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const caddyfile = readFileSync("deploy/Caddyfile", "utf8");
/** Caddy's binary when it is installed (Debian's `caddy` package; .ci/run installs it). */
const caddy = ["/usr/bin/caddy", "/usr/local/bin/caddy"].find((p) => existsSync(p));
if (!caddy) process.stderr.write("test/deploy: caddy is not installed (apt-get install -y caddy): deploy/Caddyfile is only parsed, not validated\n");
const assistants = Object.entries(compose.services).filter(([name]) => name.startsWith("assistant-"));

describe("deploy/compose.multi.yaml", () => {
  it("runs two assistant instances built from the repository, PostgreSQL and a reverse proxy", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["assistant-1", "assistant-2", "migrate", "postgres", "proxy"]);
    for (const [, s] of [...assistants, ["migrate", compose.services.migrate!] as const]) expect(s.build).toBe("..");
    expect(compose.services.postgres!.image).toMatch(/^postgres:1[5-9]/);
    expect(compose.services.postgres!.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(compose.services.proxy!.image).toMatch(/^caddy:2/);
  });

  it("points every instance at the same database as the application login, once the owner has migrated it", () => {
    const urls = assistants.map(([, s]) => s.environment?.DATABASE_URL);
    expect(new Set(urls).size).toBe(1);
    const url = new URL(urls[0]!.replace(/\$\{[^}]+\}/g, "secret"));
    const migrateUrl = new URL(compose.services.migrate!.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, "secret"));
    expect([url.hostname, url.username, url.pathname]).toEqual(["postgres", "tlhn_assistant", "/trolyhopnhat"]);
    expect([migrateUrl.hostname, migrateUrl.username, migrateUrl.pathname]).toEqual(["postgres", "tlhn_owner", "/trolyhopnhat"]);
    expect((compose.services.migrate as Service & { command: string[] }).command).toEqual(["node", "--enable-source-maps", "dist/src/cli.js", "store", "migrate"]);
    expect(compose.services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const [, s] of assistants) {
      expect(s.depends_on).toEqual({ postgres: { condition: "service_healthy" }, migrate: { condition: "service_completed_successfully" } });
    }
    // The roles and the database come from the first-start script (tested in postgres-init.pg.test.ts).
    expect(compose.services.postgres!.volumes).toContain("./postgres-init.sh:/docker-entrypoint-initdb.d/10-tro-ly-hop-nhat.sh:ro");
  });

  it("publishes no instance port (only the proxy's 80 and 443), and gives each instance its own data volume", () => {
    for (const [, s] of assistants) {
      expect(s.ports).toBeUndefined();
      expect(s.expose).toEqual([s.environment!.PORT]);
    }
    expect(compose.services.proxy!.ports).toEqual(["80:80", "443:443"]);
    const dataVolumes = assistants.map(([, s]) => s.volumes!.find((v) => v.endsWith(":/app/data"))!.split(":")[0]);
    expect(new Set(dataVolumes).size).toBe(assistants.length);
    const used = Object.values(compose.services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(":")[0]!).filter((v) => !v.startsWith(".")));
    expect(used.length).toBeGreaterThan(0);
    for (const v of used) expect(Object.keys(compose.volumes)).toContain(v);
  });

  it("sets webhook mode on both channels for every instance, at public https URLs the proxy serves", () => {
    for (const [, s] of assistants) {
      const env = s.environment!;
      expect(env.WEBHOOK_URL).toMatch(/^https:\/\/\$\{PUBLIC_HOST[^}]*\}\/telegram$/);
      expect(env.ZALO_WEBHOOK_URL).toBe("https://${PUBLIC_HOST}/zalo");
      expect(env.PUBLIC_URL).toBe("https://${PUBLIC_HOST}");
      expect(env.TRUST_PROXY).toBe("true");
      // Above the assistant's 9 s shutdown deadline.
      expect(Number.parseInt(s.stop_grace_period!, 10)).toBeGreaterThan(9);
    }
  });

  it("has the proxy route every path to every instance, and mount the Caddyfile it was written for", () => {
    expect(compose.services.proxy!.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(caddyfile)?.[1]!.trim().split(/\s+/);
    expect(upstreams?.sort()).toEqual(assistants.map(([name, s]) => `${name}:${s.environment!.PORT}`).sort());
    expect(caddyfile).toMatch(/^\{\$PUBLIC_HOST\} \{/m);
    // One site block, no path matcher: /telegram, /zalo, /files, /bang and /healthz all reach the instances.
    expect(caddyfile.match(/reverse_proxy/g)).toHaveLength(1);
    expect(caddyfile).not.toMatch(/handle_path|route \//);
  });

  it.skipIf(!caddy)("is a Caddyfile that Caddy itself accepts, with both instances as upstreams of one round-robin proxy", () => {
    const env = { ...process.env, PUBLIC_HOST: "bot.example.gov.vn" };
    // Throws (exit status 1, with Caddy's reason) when Caddy refuses the file.
    execFileSync(caddy!, ["validate", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const adapted = JSON.parse(execFileSync(caddy!, ["adapt", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as {
      apps: { http: { servers: Record<string, { listen: string[]; routes: { match: { host: string[] }[]; handle: { routes: { handle: Record<string, unknown>[] }[] }[] }[] }> } };
    };
    const server = Object.values(adapted.apps.http.servers)[0]!;
    expect(server.listen).toEqual([":443"]);
    expect(server.routes[0]!.match[0]!.host).toEqual(["bot.example.gov.vn"]);
    const proxy = server.routes[0]!.handle[0]!.routes[0]!.handle.find((h) => h.handler === "reverse_proxy") as { upstreams: { dial: string }[]; load_balancing: unknown };
    expect(proxy.upstreams.map((u) => u.dial).sort()).toEqual(["assistant-1:8080", "assistant-2:8080"]);
    expect(proxy.load_balancing).toMatchObject({ selection_policy: { policy: "round_robin" } });
  });

  it("uses only variables that .env.example documents", () => {
    const example = readFileSync(".env.example", "utf8");
    const used = new Set([...composeText.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(["POSTGRES_PASSWORD", "PUBLIC_HOST", "TLHN_APP_PASSWORD", "TLHN_OWNER_PASSWORD"]);
    for (const name of used) expect(example).toMatch(new RegExp(`^#?\\s*${name}=`, "m"));
    // Both instances must sign links alike: the example says LINK_SECRET is required beyond one instance.
    expect(example).toMatch(/LINK_SECRET[\s\S]*several instances/i);
  });
});

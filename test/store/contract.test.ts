import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { type ClosableStore, openStore } from "../../src/store/open-store.js";
import { describeStoreContract } from "./contract.js";

// One flag per store: set, it makes that store's next writes fail as a full disk would.
const failing = new WeakMap<object, boolean>();
const fullDisk = (key: object) => () => {
  if (failing.get(key)) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
};

async function openWithFailures(file: string): Promise<ClosableStore> {
  const key = {};
  const store = await openStore({ file, beforeWrite: fullDisk(key), fsync: false });
  failing.set(store, false);
  keys.set(store, key);
  return store;
}
const keys = new WeakMap<ClosableStore, object>();
const failWrites = async (store: ClosableStore) => {
  const key = keys.get(store)!;
  failing.set(key, true);
  return async () => {
    failing.set(key, false);
  };
};

describeStoreContract("in memory", { open: () => openWithFailures(":memory:"), failWrites });

const dirs: string[] = [];
const files = new WeakMap<ClosableStore, string>();
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describeStoreContract("lowdb file", {
  async open() {
    const dir = await mkdtemp(join(tmpdir(), "tlhn-contract-"));
    dirs.push(dir);
    const file = join(dir, "db.json");
    const store = await openWithFailures(file);
    files.set(store, file);
    return store;
  },
  async reopen(store) {
    const file = files.get(store)!;
    await store.close();
    const again = await openWithFailures(file);
    files.set(again, file);
    return again;
  },
  failWrites,
});

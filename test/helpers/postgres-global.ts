/**
 * Vitest global setup of `npm run test:postgres`: one throwaway cluster for the whole run (or the server in
 * `PG_TEST_URL`), handed to the tests as `inject("pgUrl")`. Each test file makes its own database in it.
 */
import type { TestProject } from "vitest/node";
import { startPostgres, type TestPostgres } from "./postgres.js";

let cluster: TestPostgres | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** Starts the cluster (unless PG_TEST_URL is given) and provides its URL. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.PG_TEST_URL;
  if (!given) cluster = await startPostgres();
  project.provide("pgUrl", given ?? cluster!.url);
  return async () => {
    await cluster?.stop();
  };
}

/**
 * The container's HEALTHCHECK: asks the running assistant's `/healthz` on 127.0.0.1:PORT and exits 0 when it
 * answers 200 within 4 s, 1 otherwise (503, no answer, refused). Run as `node dist/src/ops/healthcheck.js`.
 */
const port = Number(process.env.PORT ?? 8080);

async function check(): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
    const body = await res.text();
    process.stdout.write(`${res.status} ${body.slice(0, 500)}\n`);
    return res.status === 200 ? 0 : 1;
  } catch (error) {
    process.stdout.write(`healthcheck: no answer on port ${port} (${(error as Error).message})\n`);
    return 1;
  }
}

process.exitCode = await check();

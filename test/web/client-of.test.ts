import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientOf } from "../../src/web/board/routes.js";

function request(remoteAddress: string, forwarded?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded } } as unknown as IncomingMessage;
}

describe("clientOf (who a rate limit counts)", () => {
  it("is the socket's address unless the proxy is trusted, so a visitor cannot pick their own bucket", () => {
    expect(clientOf(request("10.0.0.5", "203.0.113.7"))).toBe("10.0.0.5");
  });

  it("behind a trusted proxy is the last X-Forwarded-For entry, the one the proxy appended", () => {
    expect(clientOf(request("10.0.0.5", "198.51.100.1, 203.0.113.7"), true)).toBe("203.0.113.7");
    expect(clientOf(request("10.0.0.5", ["198.51.100.1", "203.0.113.8"]), true)).toBe("203.0.113.8");
  });

  it("falls back to the socket's address when a trusted proxy sent no header", () => {
    expect(clientOf(request("10.0.0.5"), true)).toBe("10.0.0.5");
    expect(clientOf(request("10.0.0.5", " , "), true)).toBe("10.0.0.5");
  });
});

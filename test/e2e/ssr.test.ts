import { describe, it } from "vitest";
import { fileURLToPath } from "node:url";

/**
 * The npm entry must import cleanly where there is no DOM (server-side rendering, tests in
 * Node): nothing at module top level may touch window, document or customElements.
 */
describe("npm entry", () => {
  it("imports in Node with no DOM globals, and registration is a no-op there", async ({
    expect,
  }) => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
    const entry = fileURLToPath(new URL("../../widget/dist/npm/index.js", import.meta.url));
    const widget = (await import(entry)) as Record<string, unknown>;
    expect(Object.keys(widget)).toEqual(
      expect.arrayContaining([
        "UserEchoFeedback",
        "UserEchoTopUsers",
        "UserEchoRoadmap",
        "UserEchoLauncher",
        "configure",
        "defineElements",
        "EdgeApi",
      ]),
    );
    // Lit's Node build installs its SSR shim registry; importing our entry registers nothing.
    const registry = (globalThis as { customElements?: { get(name: string): unknown } })
      .customElements;
    expect(registry?.get("userecho-feedback")).toBeUndefined();
    expect(registry?.get("userecho-top-users")).toBeUndefined();
    expect(registry?.get("userecho-roadmap")).toBeUndefined();
    expect(registry?.get("userecho-launcher")).toBeUndefined();
    // Registering explicitly works there (for Lit SSR) and throws nothing.
    expect(() => (widget["defineElements"] as () => void)()).not.toThrow();
    expect(() => (widget["defineElements"] as () => void)()).not.toThrow();
    expect(() =>
      (widget["configure"] as (options: object) => void)({ endpoint: "https://edge.example" }),
    ).not.toThrow();
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });
});

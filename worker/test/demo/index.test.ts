import { describe, it } from "vitest";
import { worker } from "../support/index.ts";

describe("the demo signer", () => {
  it("is absent from the worker built with the deploy configuration", async ({ expect }) => {
    const response = await worker("/demo/login", {
      method: "POST",
      headers: { Origin: "https://edge.test" },
    });
    expect(response.status).toBe(404);
  });
});

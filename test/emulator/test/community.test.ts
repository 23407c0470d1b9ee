import { describe, it } from "vitest";
import { ALIAS, ssoToken } from "./support.ts";
import { createApp } from "../src/app.ts";

describe("the emulated community website", () => {
  it("signs a visitor in from the sso_token of a page URL", async ({ expect }) => {
    const app = createApp();
    const token = await ssoToken({ guid: "community-1", display_name: "Page <Visitor>" });
    const response = await app.request(
      `https://demo.userecho.com/topics/1004-x/?sso_token=${token}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Signed in as <strong>Page &#60;Visitor&#62;</strong>");
    const anonymous = await (await app.request("https://demo.userecho.com/")).text();
    expect(anonymous).toContain("Not signed in");
    const garbled = await (await app.request("https://demo.userecho.com/?sso_token=abc")).text();
    expect(garbled).toContain("Not signed in");
    const title = await (await app.request(`https://${ALIAS}.userecho.com/topics/1004/`)).text();
    expect(title).toContain("<h1>");
  });
});

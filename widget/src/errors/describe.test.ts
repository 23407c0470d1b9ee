import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/client.ts";
import { describeError, invalidField } from "./describe.ts";
import de from "./locales/de.ts";
import en from "./locales/en.ts";

const number = (n: number) => new Intl.NumberFormat("en").format(n);
const problem = (status: number, slug: string, extra: Record<string, string> = {}) =>
  new ApiRequestError(status, {
    type: `https://userecho-edge.dev/problems/${slug}`,
    title: "English title",
    status,
    detail: "English detail from the worker",
    ...extra,
  });

describe("describeError", () => {
  it("explains by problem type, never with the worker's English detail", () => {
    expect(describeError(en, number, problem(429, "rate-limited"))).toBe(en.rateLimited);
    expect(describeError(en, number, problem(503, "upstream-unavailable"))).toBe(en.unavailable);
    expect(describeError(en, number, problem(504, "upstream-timeout"))).toBe(en.unavailable);
    expect(describeError(en, number, problem(401, "unauthorized"))).toBe(en.unauthorized);
    expect(describeError(en, number, problem(403, "forbidden-origin"))).toBe(en.forbiddenOrigin);
    expect(describeError(en, number, problem(409, "idempotency-conflict"))).toBe(en.duplicate);
    expect(describeError(de, number, problem(429, "rate-limited"))).toBe(de.rateLimited);
  });

  it("tells a spent vote budget and a write of unknown outcome from other conflicts", () => {
    const spent = problem(409, "vote-budget-spent");
    const unknown = problem(409, "write-outcome-unknown");
    expect(describeError(en, number, spent)).toBe(en.voteBudgetSpent);
    expect(describeError(en, number, unknown)).toBe(en.writeOutcomeUnknown);
    expect(describeError(de, number, spent)).toBe(de.voteBudgetSpent);
    expect(describeError(de, number, unknown)).toBe(de.writeOutcomeUnknown);
    // Neither is the "already being sent" of a reused key, nor the generic fallback.
    for (const error of [spent, unknown]) {
      expect(describeError(en, number, error)).not.toBe(en.duplicate);
      expect(describeError(en, number, error)).not.toBe(en.unknown);
    }
  });

  it("names the field of invalid input, with its limits", () => {
    const title = problem(400, "invalid-body", { parameter: "title" });
    expect(describeError(en, number, title)).toBe("The title needs 3 to 200 characters.");
    const text = problem(400, "invalid-body", { parameter: "text" });
    expect(describeError(de, (n) => new Intl.NumberFormat("de").format(n), text)).toBe(
      "Der Kommentar braucht 1 bis 10.000 Zeichen.",
    );
    expect(describeError(en, number, problem(400, "invalid-parameter", { parameter: "x" }))).toBe(
      en.invalid,
    );
  });

  it("says what is missing on a 404", () => {
    expect(describeError(en, number, problem(404, "not-found"), { forum: 999 })).toBe(
      "Forum 999 does not exist or is not public.",
    );
    expect(describeError(en, number, new ApiRequestError(404), { topic: true })).toBe(
      en.topicNotFound,
    );
  });

  it("takes no answer for a connection problem, and an unset forum for what it is", () => {
    expect(describeError(en, number, new ApiRequestError(0))).toBe(en.network);
    expect(describeError(en, number, {}, { forum: Number.NaN })).toBe(en.forumMissing);
    expect(describeError(en, number, new ApiRequestError(500))).toBe(en.unavailable);
    expect(describeError(en, number, new Error("boom"))).toBe(en.unknown);
  });
});

describe("invalidField", () => {
  it("applies the worker's rules: title and comment trimmed, description as sent", () => {
    expect(invalidField("title", "   ")).toBe("titleLength");
    expect(invalidField("title", "  ab  ")).toBe("titleLength");
    expect(invalidField("title", " abc ")).toBeUndefined();
    expect(invalidField("title", "x".repeat(201))).toBe("titleLength");
    expect(invalidField("text", " \n ")).toBe("commentLength");
    expect(invalidField("text", "ok")).toBeUndefined();
    expect(invalidField("text", "x".repeat(10_001))).toBe("commentLength");
    expect(invalidField("description", "")).toBeUndefined();
    expect(invalidField("description", "x".repeat(20_001))).toBe("descriptionLength");
  });
});

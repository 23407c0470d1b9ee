export * from "./schemas.ts";
export * from "./queries.ts";
export * from "./problems.ts";
export * from "./routes.ts";
export * from "./guards.ts";
export * from "./topic-options.ts";
export * from "./paths.ts";
export type * from "./calls.ts";

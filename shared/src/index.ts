export * from "./schemas.ts";
export * from "./queries.ts";
export * from "./problems.ts";
export * from "./routes.ts";

import type { Config } from "./config/index.ts";
import type { UserEchoClient } from "./upstream/client.ts";

/** Hono's view of the worker: generated bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    upstream: UserEchoClient;
  };
}

// Types `exports` from "cloudflare:workers" in tests: the main module is this worker.
import type * as main from "./index.ts";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof main;
    }
  }
}

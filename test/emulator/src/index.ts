/**
 * Worker entry of the UserEcho API v2 emulator. Bundled to `dist/emulator.js` for use as an
 * auxiliary Miniflare worker; must stay free of Node APIs.
 */
import { createApp } from "./app.ts";

const app = createApp();

export default app;

/** Webhooks in the emulator: registration (API), delivery, and the admin who triggers them. */
export { hookApiRoutes, presentHook } from "./api.ts";
export { adminRoutes, announcer, hookControlRoutes } from "./control.ts";
export { type Subject, deliver, payloadOf } from "./deliver.ts";
export {
  HOOK_EVENTS,
  type DeliveryRecord,
  type Hook,
  type HookEvent,
  HookRegistry,
  type SignedOver,
  getDefaultHooks,
} from "./registry.ts";
export { signDelivery } from "./sign.ts";

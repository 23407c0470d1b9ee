// Vue 3 with its in-browser template compiler: tell it that userecho-* tags are custom
// elements, not Vue components (with a build step: compilerOptions.isCustomElement in vite.config).
import { createApp, ref } from "./vendor/vue.esm-browser.prod.js";

const app = createApp({
  setup() {
    return { forum: ref(1), requests: ref(0), opens: ref(0), getToken: () => null };
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith("userecho-");
app.mount("#app");

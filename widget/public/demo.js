/* global document */
// Demo page controls: theme and language switchers, and the site's side of signing in. A real
// site signs a short-lived JWT on its own backend for its logged-in user; here the demo-only
// signer of `pnpm dev` (POST /demo/login) plays that backend. It does not exist in a deploy.
import { configure } from "/widget.js";

const elements = () =>
  document.querySelectorAll(
    "userecho-feedback, userecho-top-users, userecho-roadmap, userecho-launcher",
  );
const theme = document.getElementById("theme");
const lang = document.getElementById("lang");
const message = document.getElementById("demo-message");
const login = document.getElementById("site-login");

theme.addEventListener("change", () => {
  for (const element of elements()) element.setAttribute("theme", theme.value);
  document.body.classList.toggle("dark", theme.value === "dark");
});
lang.addEventListener("change", () => {
  for (const element of elements()) element.setAttribute("lang", lang.value);
});

let session; // { token, name } once signed in
const getToken = async () => session?.token;
configure({ getToken });

const button = document.createElement("button");
button.type = "button";
button.id = "demo-sign-in";
const who = document.createElement("span");
who.className = "who";
login.append(who, button);

function render() {
  who.textContent = session ? `Signed in as ${session.name}` : "";
  button.textContent = session ? "Sign out" : "Sign in (demo)";
}

button.addEventListener("click", async () => {
  if (session) {
    session = undefined;
    render();
    return;
  }
  const response = await fetch("/demo/login", { method: "POST" });
  if (!response.ok) {
    message.textContent = "The demo sign-in exists only under pnpm dev.";
    return;
  }
  const { token, user } = await response.json();
  session = { token, name: user.name };
  configure({ getToken }); // tells the elements: their "please sign in" notices go
  message.textContent = `Signed in as ${user.name}: you can vote, post ideas and comment.`;
  render();
});

document.addEventListener("userecho-sign-in-request", (event) => {
  message.textContent = `Sign in first (to ${event.detail.action}): use "Sign in (demo)" at the top.`;
  button.focus();
});

render();

/* global document */
// Demo page controls: theme and language switchers, and what a site does when the board asks
// the visitor to sign in. The identity work will add a real sign-in button in #site-login and a
// token callback (configure({ getToken })).
const elements = () => document.querySelectorAll("userecho-feedback, userecho-top-users");
const theme = document.getElementById("theme");
const lang = document.getElementById("lang");
const message = document.getElementById("demo-message");

theme.addEventListener("change", () => {
  for (const element of elements()) element.setAttribute("theme", theme.value);
  document.body.classList.toggle("dark", theme.value === "dark");
});
lang.addEventListener("change", () => {
  for (const element of elements()) element.setAttribute("lang", lang.value);
});
document.addEventListener("userecho-sign-in-request", (event) => {
  message.textContent = `The board asked the site to sign the visitor in (to ${event.detail.action}). The demo has no sign-in yet.`;
});

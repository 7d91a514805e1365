// Runs once in the page's <head>. Sets the page language, and handles the desk's sign-in form:
// the staff token goes only to POST ui/desk/sign-in (an HttpOnly session cookie comes back), never
// through a Gradio event, so it is kept neither in localStorage nor in the run history.
document.documentElement.lang = "zh-CN";
new MutationObserver(() => {
  if (document.documentElement.lang !== "zh-CN") document.documentElement.lang = "zh-CN";
}).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });

function paDeskRefresh() {
  const button = document.querySelector("#desk-refresh");
  if (button) button.click();
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== "desk-sign-in") return;
  event.preventDefault();
  const input = form.querySelector("#desk-token");
  const message = form.querySelector("#desk-sign-in-message");
  const token = input.value;
  input.value = "";
  const response = await fetch("ui/desk/sign-in", {
    method: "POST", credentials: "same-origin", headers: { Authorization: "Bearer " + token },
  });
  if (response.ok) {
    message.textContent = "";
  } else {
    let text = "登录失败";
    try { text += "：" + (await response.json()).error.message; } catch (_) { /* not JSON */ }
    message.textContent = text;
  }
  paDeskRefresh();
});

document.addEventListener("click", async (event) => {
  if (!(event.target instanceof Element) || event.target.id !== "desk-sign-out") return;
  await fetch("ui/desk/sign-out", { method: "POST", credentials: "same-origin" });
  paDeskRefresh();
});

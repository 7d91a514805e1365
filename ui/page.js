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

// The chat labels each message with its raw HTML ("bot's message: <div class='answer'>…"), which a
// screen reader would read tag by tag; label it with its visible text instead.
const paMessageLabels = { bot: "回答：", user: "提问：" };
new MutationObserver(() => {
  document.querySelectorAll("#chat [data-testid='bot'], #chat [data-testid='user']").forEach((message) => {
    const label = message.getAttribute("aria-label") || "";
    if (label.includes("<") || label.includes("&lt;") || label.includes("&amp;")) {
      const text = paMessageLabels[message.dataset.testid] + message.innerText.replace(/\s+/g, " ").trim().slice(0, 300);
      message.setAttribute("aria-label", text);
    }
  });
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });

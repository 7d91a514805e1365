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
  // The page's own words (ui/texts.yaml, on the form as data-failed-<status>), never the route's English.
  message.textContent = response.ok ? ""
    : form.getAttribute("data-failed-" + response.status) || form.getAttribute("data-failed-other");
  paDeskRefresh();
});

document.addEventListener("click", async (event) => {
  if (!(event.target instanceof Element) || event.target.id !== "desk-sign-out") return;
  await fetch("ui/desk/sign-out", { method: "POST", credentials: "same-origin" });
  paDeskRefresh();
});

// Labels Gradio writes in English whatever the page's language (they are not among its translated words),
// and each chat message's label: Gradio's is "bot's message: <div class='answer'>…", read tag by tag, and
// it is not updated when a restored conversation fills in. Both come from ui/texts.yaml (paWords).
let paRelabelling = false;
const paLabelled = new WeakMap();  // a message element → the text it was labelled from, and that label
function paRelabel() {
  paRelabelling = false;
  document.querySelectorAll("[aria-label]").forEach((element) => {
    const wanted = paWords.labels[element.getAttribute("aria-label")];
    if (wanted === undefined) return;
    element.setAttribute("aria-label", wanted);
    if (element.hasAttribute("title")) element.setAttribute("title", wanted);
  });
  document.querySelectorAll("#chat [data-testid='bot'], #chat [data-testid='user']").forEach((message) => {
    const done = paLabelled.get(message);
    if (done && done.source === message.textContent && done.label === message.getAttribute("aria-label")) return;
    const text = message.innerText.replace(/\s+/g, " ").trim().slice(0, 300);  // what shows, closed cards not
    if (!text) return;
    const label = paWords.messages[message.dataset.testid] + text;
    if (message.getAttribute("aria-label") !== label) message.setAttribute("aria-label", label);
    paLabelled.set(message, { source: message.textContent, label });
  });
}
new MutationObserver(() => {
  if (paRelabelling) return;
  paRelabelling = true;
  setTimeout(paRelabel, 30);
}).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label"],
});

// Runs before Gradio's own scripts (ui/early_script.py puts it first in the page's <head>). Gradio picks
// the words of its own controls (赞 / 踩 / 复制 / 清空对话 …) by the browser's language once, as it starts;
// the page is Chinese whatever language the browser is set to, so Gradio is told that language is zh-CN.
for (const [name, value] of [["language", "zh-CN"], ["languages", Object.freeze(["zh-CN", "zh"])]]) {
  Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true });
}

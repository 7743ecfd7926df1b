// Injected by `bangyang serve` only: reloads the page after each rebuild, and shows a failed
// build's problems over the page until the next good build.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var box = null;
  function show(problems) {
    if (!box) {
      box = document.createElement("div");
      box.id = "bangyang-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:9999;" +
        "background:#fff5f5;color:#5c0000;border-top:4px solid #b00020;padding:1rem;font:15px/1.6 monospace;";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "构建失败，预览仍是上一版。改好后保存，页面会自动刷新：";
    box.appendChild(title);
    var list = document.createElement("ul");
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = p;  // text, never markup
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  var events = new EventSource("/__bangyang/events");
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
})();

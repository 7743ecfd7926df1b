/* Reading preferences (适老化): font size and high contrast, remembered in localStorage.
   Loaded in <head> so the stored choice applies before the first paint. */
(function () {
  var root = document.documentElement;
  root.className = root.className.replace("no-js", "js");
  function get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function put(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  var font = get("bangyang-font") || "normal";
  var contrast = get("bangyang-contrast") === "high";
  function apply() {
    root.setAttribute("data-font", font);
    if (contrast) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
    var buttons = document.querySelectorAll(".a11y-tools button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var pressed = b.hasAttribute("data-font") ? b.getAttribute("data-font") === font : contrast;
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
    }
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-print]")) { window.print(); return; }
      var b = event.target.closest && event.target.closest(".a11y-tools button");
      if (!b) { return; }
      if (b.hasAttribute("data-font")) { font = b.getAttribute("data-font"); put("bangyang-font", font); }
      else { contrast = !contrast; put("bangyang-contrast", contrast ? "high" : "normal"); }
      apply();
    });
  });
})();

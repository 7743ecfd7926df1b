/* The QR code of the page's address (its canonical link), for a reader at a desktop or holding
   a printed page to open the page on a phone. qrcode-generator (theme/qrcode.js, from npm)
   encodes it; this draws the dark runs of each row as one SVG path. Drawn in the browser, not
   at build time: a code is a millisecond here, and every page a build writes is smaller and
   quicker to make. Without scripts the figure stays hidden. */
(function () {
  var BORDER = 2; // light modules around the code
  var SCALE = 3;  // CSS pixels a module
  var SVG = "http://www.w3.org/2000/svg";

  function element(name, attributes) {
    var node = document.createElementNS(SVG, name);
    for (var key in attributes) { node.setAttribute(key, attributes[key]); }
    return node;
  }

  function draw(figure, url) {
    qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];
    var code = qrcode(0, "M");
    code.addData(url, "Byte");
    code.make();
    var size = code.getModuleCount();
    var side = size + 2 * BORDER;
    var path = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        if (!code.isDark(y, x)) { continue; }
        var run = 1;
        while (x + run < size && code.isDark(y, x + run)) { run++; }
        path += "M" + (x + BORDER) + " " + (y + BORDER + 0.5) + "h" + run;
        x += run; // the module after a run is light
      }
    }
    var svg = element("svg", {role: "img", "class": "qr", width: side * SCALE, height: side * SCALE,
                              viewBox: "0 0 " + side + " " + side});
    var title = element("title", {});
    title.textContent = "本页网址的二维码";
    svg.appendChild(title);
    // Dark on white whatever the page's colours (high contrast included): readers expect it.
    svg.appendChild(element("path", {fill: "#fff", d: "M0 0h" + side + "v" + side + "h-" + side + "z"}));
    svg.appendChild(element("path", {stroke: "#000", d: path}));
    figure.insertBefore(svg, figure.firstChild);
    figure.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.querySelector("figure[data-share-qr]");
    var link = document.querySelector('link[rel="canonical"]');
    if (figure && link && typeof qrcode === "function") { draw(figure, link.getAttribute("href")); }
  });
})();

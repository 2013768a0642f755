/* Shared tablet: after a while with nobody using it, warn, then go back to the welcome
   screen (which ends that go). The server does the same on the next page load, so a
   tablet without JavaScript is still safe. */
(function () {
  "use strict";

  // A page brought back from the back/forward cache could show an earlier child's
  // screen: always fetch it again from the server, which knows it has moved on.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  var dialog = document.getElementById("idle-warning");
  if (!dialog) { return; }
  var warnAfter = Number(dialog.getAttribute("data-warn-after")) * 1000;
  var homeAfter = Number(dialog.getAttribute("data-home-after")) * 1000;
  var home = dialog.getAttribute("data-home");
  var warnTimer = null;
  var homeTimer = null;

  function goHome() { window.location.replace(home); }

  function warn() {
    if (!dialog.open) { dialog.showModal(); }
  }

  function restart() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(homeTimer);
    warnTimer = window.setTimeout(warn, warnAfter);
    homeTimer = window.setTimeout(goHome, homeAfter);
  }

  // "I am still here" (or Escape) closes the warning and starts the count again.
  dialog.querySelector("button").addEventListener("click", function () {
    dialog.close();
    restart();
  });
  dialog.addEventListener("close", restart);
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function () {
      if (!dialog.open) { restart(); }
    }, { passive: true });
  });
  restart();
})();

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
  var lastActive = Date.now();

  function active() { lastActive = Date.now(); }

  // Look at the clock every second rather than trusting one long timer: a tablet that
  // slept, or a throttled background tab, still goes home as soon as it wakes.
  function check() {
    var idle = Date.now() - lastActive;
    if (idle >= homeAfter) {
      window.clearInterval(ticking);
      window.location.replace(home);
    } else if (idle >= warnAfter && !dialog.open) {
      dialog.showModal();
    }
  }
  var ticking = window.setInterval(check, 1000);

  // "I am still here" (or Escape) closes the warning and starts the count again.
  dialog.querySelector("button").addEventListener("click", function () {
    dialog.close();
    active();
  });
  // Escape closes it too. The close event comes a moment later: if the warning is
  // already showing again by then, it is not a sign of anyone being there.
  dialog.addEventListener("close", function () {
    if (!dialog.open) { active(); }
  });
  ["pointerdown", "keydown", "input"].forEach(function (type) {
    document.addEventListener(type, function () {
      if (!dialog.open) { active(); }
    }, { passive: true });
  });
})();

// Warn a member of staff before an idle session ends, and let them stay signed in.
// The server decides (feedback/staff/sessions.py); this script only asks it and warns.
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box || !window.fetch) { return; }
  var idle = Number(box.dataset.idleSeconds);
  var warnBefore = Number(box.dataset.warningSeconds);
  var statusUrl = box.dataset.statusUrl;
  var form = box.querySelector("form");
  var countdown = box.querySelector(".session-countdown");
  var timer = null;
  var deadline = 0;

  function words(seconds) {
    if (seconds >= 90) { return Math.round(seconds / 60) + " minutes"; }
    if (seconds > 60) { return "1 minute"; }
    return Math.max(seconds, 0) + " seconds";
  }

  function schedule(secondsLeft) {
    clearTimeout(timer);
    deadline = Date.now() + secondsLeft * 1000;
    var untilWarning = Math.max(secondsLeft - warnBefore, 0);
    timer = setTimeout(check, untilWarning * 1000 + 250);
  }

  function signedOut() {
    // Reload: the server sees the timeout and shows the sign-in page with a message.
    window.location.reload();
  }

  function tick() {
    var left = Math.round((deadline - Date.now()) / 1000);
    countdown.textContent = words(left);
    if (left <= 0) { signedOut(); return; }
    timer = setTimeout(tick, 1000);
  }

  function check() {
    // Another tab may have kept the session alive: ask before warning.
    fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { signed_in: false, seconds_left: 0 }; })
      .then(function (state) {
        if (!state.signed_in || state.seconds_left <= 0) { signedOut(); return; }
        if (state.seconds_left > warnBefore) { box.hidden = true; schedule(state.seconds_left); return; }
        deadline = Date.now() + state.seconds_left * 1000;
        box.hidden = false;
        box.querySelector("button").focus();
        tick();
      })
      .catch(function () { schedule(warnBefore); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST", credentials: "same-origin", body: new FormData(form),
      headers: { Accept: "application/json" }
    })
      .then(function (r) { return r.ok ? r.json() : { signed_in: false }; })
      .then(function (state) {
        if (!state.signed_in) { signedOut(); return; }
        box.hidden = true;
        schedule(state.seconds_left);
      })
      .catch(function () { form.submit(); });
  });

  schedule(idle);
}());

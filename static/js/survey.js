/* Survey screens, enhanced. Every screen works without this file (plain forms). */
(function () {
  "use strict";

  // Move focus to the error summary, so a screen reader says what to fix first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // A page kept whole in the back/forward cache could show answers this device has since
  // forgotten: fetch it afresh instead.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  // Quick exit: forget this device's answers in the background, and replace this page
  // (so Back does not return to it). Also Shift pressed 3 times, like GOV.UK's.
  var exit = document.querySelector(".quick-exit");
  if (exit) {
    var leave = function () {
      document.body.hidden = true;
      if (navigator.sendBeacon) { navigator.sendBeacon(exit.getAttribute("data-forget")); }
      window.location.replace(exit.getAttribute("data-exit"));
    };
    exit.addEventListener("click", function (event) { event.preventDefault(); leave(); });
    exit.querySelectorAll(".quick-exit-keys").forEach(function (hint) { hint.hidden = false; });
    var presses = 0;
    var lastPress = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") { presses = 0; return; }  // Shift+letter is typing
      if (event.repeat) { return; }
      var now = Date.now();
      presses = now - lastPress < 2000 ? presses + 1 : 1;
      lastPress = now;
      if (presses >= 3) { leave(); }
    });
  }

  // "Read it to me": only where the browser has a voice to speak with.
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") { return; }

  function say(text) {
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    utterance.rate = 0.9;
    synth.cancel();
    synth.speak(utterance);
  }

  function words(element) {
    var parts = [];
    element.querySelectorAll(".say").forEach(function (part) {
      var text = part.textContent.trim();
      if (text) { parts.push(text); }
    });
    return parts.join(". ");
  }

  // What the button reads: its own part of the page and every help box, in page order
  // (so a help box put first is read first).
  function reading(target) {
    var parts = [target];
    document.querySelectorAll("section.help").forEach(function (help) {
      if (!target.contains(help)) { parts.push(help); }
    });
    parts.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return parts.map(words).filter(Boolean).join(". ");
  }

  function setUp() {
    document.querySelectorAll(".read-aloud[hidden]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-read"));
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener("click", function () { say(reading(target)); });
      // A small speaker beside each answer reads just that answer. It sits outside the
      // answer's tap area, and is not a Tab stop: keyboard users have "Read it to me".
      target.querySelectorAll(".choice").forEach(function (choice) {
        var label = choice.querySelector(".say");
        var speak = document.createElement("button");
        speak.type = "button";
        speak.className = "speak";
        speak.tabIndex = -1;
        speak.textContent = "\uD83D\uDD0A";
        speak.setAttribute("aria-label",
          button.getAttribute("data-answer-label") + ": " + label.textContent.trim());
        speak.addEventListener("click", function () { say(label.textContent.trim()); });
        choice.appendChild(speak);
      });
    });
  }

  function hasVoices() {
    return typeof synth.getVoices === "function" && synth.getVoices().length > 0;
  }

  // Many browsers load their voices a moment after the page: wait for them, and never
  // show a button that would stay silent.
  if (hasVoices()) {
    setUp();
  } else if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", function ready() {
      if (!hasVoices()) { return; }
      synth.removeEventListener("voiceschanged", ready);
      setUp();
    });
  }
})();

/* Survey screens, enhanced. Every screen works without this file (plain forms). */
(function () {
  "use strict";

  // Move focus to the error summary, so a screen reader says what to fix first.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // "Read it to me": only where the browser can speak.
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

  document.querySelectorAll(".read-aloud").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-read"));
    if (!target) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { say(words(target)); });
    // A small speaker on each answer reads just that answer.
    target.querySelectorAll(".choice").forEach(function (choice) {
      var label = choice.querySelector(".say");
      var speak = document.createElement("button");
      speak.type = "button";
      speak.className = "speak";
      speak.textContent = "\uD83D\uDD0A";
      speak.setAttribute("aria-label",
        button.getAttribute("data-answer-label") + ": " + label.textContent.trim());
      speak.addEventListener("click", function () { say(label.textContent.trim()); });
      choice.appendChild(speak);
    });
  });
})();

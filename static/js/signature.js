/* Signing screen: turn on drawing with the vendored signature_pad, if it loaded.
 * Without JavaScript (or without drawing) the form still works: people type their name.
 * The drawing goes into the hidden "drawing" field as a PNG data URL when the form is sent. */
(function () {
  "use strict";
  var form = document.getElementById("sign-form");
  if (!form || typeof window.SignaturePad !== "function") { return; }
  var canvas = form.querySelector("canvas.signature-pad");
  var hidden = document.getElementById("drawing");
  var drawRadio = document.getElementById("method-drawn");
  var typeRadio = document.getElementById("method-typed");
  var typed = document.getElementById("typed_name");
  var area = form.querySelector(".draw-area");
  form.querySelector(".draw-choice").hidden = false;
  area.hidden = false;

  var pad = new window.SignaturePad(canvas, { minWidth: 1.2, maxWidth: 3.5, penColor: "#1b1b1b" });

  function fitCanvas() {
    // Match the drawing surface to the size on screen, so lines land under the finger.
    var ratio = Math.max(window.devicePixelRatio || 1, 1);
    var data = pad.toData();
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext("2d").scale(ratio, ratio);
    pad.clear();
    pad.fromData(data);
  }
  window.addEventListener("resize", fitCanvas);
  fitCanvas();

  pad.addEventListener("endStroke", function () { drawRadio.checked = true; });
  typed.addEventListener("input", function () { if (typed.value) { typeRadio.checked = true; } });
  document.getElementById("clear-drawing").addEventListener("click", function () {
    pad.clear();
    hidden.value = "";
  });
  form.addEventListener("submit", function () {
    hidden.value = drawRadio.checked && !pad.isEmpty() ? pad.toDataURL("image/png") : "";
  });
})();

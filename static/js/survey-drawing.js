/* "Draw us anything": a drawing area for a finger, pen or mouse. Only on screens that
   offer it, and only with JavaScript; writing works everywhere. The picture is sent as
   a PNG in the form's hidden "drawing" field when Next is pressed. */
(function () {
  "use strict";
  var box = document.getElementById("drawing");
  var field = document.querySelector("input[name=drawing]");
  var canvas = box && box.querySelector("canvas");
  var pen = canvas && canvas.getContext && canvas.getContext("2d");
  if (!pen || !field) { return; }
  box.hidden = false;
  var colour = "#1b1b1b";
  var down = false;
  var last = null;

  function blank() {
    pen.fillStyle = "#ffffff";
    pen.fillRect(0, 0, canvas.width, canvas.height);
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: (event.clientX - box.left) * canvas.width / box.width,
      y: (event.clientY - box.top) * canvas.height / box.height
    };
  }

  function line(from, to) {
    pen.strokeStyle = colour;
    pen.lineWidth = 10;
    pen.lineCap = "round";
    pen.lineJoin = "round";
    pen.beginPath();
    pen.moveTo(from.x, from.y);
    pen.lineTo(to.x, to.y);
    pen.stroke();
  }

  function keep() { field.value = canvas.toDataURL("image/png"); }

  blank();
  if (field.value) {  // Back to this screen: show the drawing already made
    var earlier = new Image();
    earlier.onload = function () { pen.drawImage(earlier, 0, 0, canvas.width, canvas.height); };
    earlier.src = field.value;
  }

  canvas.addEventListener("pointerdown", function (event) {
    down = true;
    last = point(event);
    line(last, { x: last.x + 0.5, y: last.y });
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!down) { return; }
    var next = point(event);
    line(last, next);
    last = next;
  });
  function lift() {
    if (down) { down = false; keep(); }
  }
  canvas.addEventListener("pointerup", lift);
  canvas.addEventListener("pointercancel", lift);

  box.querySelectorAll("[data-colour]").forEach(function (button) {
    button.addEventListener("click", function () {
      colour = button.getAttribute("data-colour");
      box.querySelectorAll("[data-colour]").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
    });
  });
  box.querySelector(".draw-clear").addEventListener("click", function () {
    blank();
    field.value = "";
  });
})();

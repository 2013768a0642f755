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
  // The drawing area opens from a button, so the question and Next still fit a phone.
  var open = document.querySelector(".draw-open");
  function show() {
    box.hidden = false;
    open.setAttribute("aria-expanded", "true");
  }
  open.parentNode.hidden = false;
  open.addEventListener("click", show);
  if (field.value) { show(); }
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
  // "Start the drawing again" asks first, on the page (no pop-up): one slip of a finger
  // must not rub out a child's picture.
  var clear = box.querySelector(".draw-clear");
  var sure = box.querySelector(".draw-sure");
  function ask(open) {
    sure.hidden = !open;
    clear.setAttribute("aria-expanded", String(open));
  }
  clear.addEventListener("click", function () {
    ask(true);
    sure.querySelector(".draw-clear-no").focus();
  });
  sure.querySelector(".draw-clear-yes").addEventListener("click", function () {
    blank();
    field.value = "";
    ask(false);
    clear.focus();
  });
  sure.querySelector(".draw-clear-no").addEventListener("click", function () {
    ask(false);
    clear.focus();
  });
})();

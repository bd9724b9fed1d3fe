/* The keyboard and Material's palette toggle. The toggle is a group of radio buttons with
   one label shown, that of the palette in use; but no radio starts checked, so Tab lands on
   the group's first, whose label may be the hidden one (no focus ring shows), and Space on
   a radio already checked does nothing. This keeps the palette in use checked, so focus
   lands on the toggle one sees, and makes Space switch palettes, as Enter does. */
(function () {
  "use strict";
  var form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));

  function inUse() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    return inputs.filter(function (input) {
      return input.getAttribute("data-md-color-scheme") === scheme;
    })[0];
  }

  function check() {
    var input = inUse();
    if (input && !input.checked) input.checked = true;
  }

  form.addEventListener("keydown", function (event) {
    if (event.key !== " ") return;
    event.preventDefault();
    var next = inputs[(inputs.indexOf(inUse()) + 1) % inputs.length];
    next.click();
    next.focus();
  });
  new MutationObserver(check).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"]
  });
  check();
})();

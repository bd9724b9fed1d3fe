/* Reading progress and knowledge checks. Progress lives in this browser's
   localStorage only (no server, no cookie), keyed by story slug so that renaming a
   story's title keeps it, and scoped to this site's address. Without JavaScript the
   buttons stay hidden and every answer sits in a <details> element. */
(function () {
  "use strict";
  var KEY = "service-stories.read";

  function load() {
    try {
      var scope = window.__md_scope ? window.__md_scope.pathname : "/";
      return JSON.parse(localStorage.getItem(scope + "." + KEY)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(read) {
    try {
      var scope = window.__md_scope ? window.__md_scope.pathname : "/";
      localStorage.setItem(scope + "." + KEY, JSON.stringify(read));
    } catch (error) { /* storage full or disabled: progress is not kept */ }
  }

  function showMarkButtons() {
    document.querySelectorAll("[data-ss-read]").forEach(function (button) {
      var slug = button.dataset.ssRead;
      function render() {
        var done = Boolean(load()[slug]);
        button.setAttribute("aria-pressed", done ? "true" : "false");
        button.textContent = done ? "Read \u2713 (mark as unread)" : "Mark as read";
        button.classList.toggle("md-button--primary", !done);
      }
      button.addEventListener("click", function () {
        var read = load();
        if (read[slug]) delete read[slug]; else read[slug] = new Date().toISOString().slice(0, 10);
        save(read);
        render();
      });
      button.hidden = false;
      render();
    });
  }

  function showProgress() {
    document.querySelectorAll("[data-ss-progress]").forEach(function (box) {
      var steps = box.dataset.ssProgress.split(" ").filter(Boolean);
      var bar = box.querySelector("progress");
      var text = box.querySelector("[data-ss-progress-text]");
      function render() {
        var read = load();
        var done = steps.filter(function (slug) { return read[slug]; }).length;
        bar.max = steps.length;
        bar.value = done;
        text.textContent = done + " of " + steps.length + " done";
        document.querySelectorAll("[data-ss-step]").forEach(function (item) {
          item.classList.toggle("ss-step--done", Boolean(read[item.dataset.ssStep]));
        });
      }
      box.querySelector("[data-ss-reset]").addEventListener("click", function () {
        var read = load();
        steps.forEach(function (slug) { delete read[slug]; });
        save(read);
        render();
      });
      box.hidden = false;
      render();
    });
  }

  function checkAnswers(form) {
    var answers = form.dataset.ssQuiz.split(" ").sort().join(" ");
    var chosen = Array.prototype.map.call(
      form.querySelectorAll("input:checked"), function (input) { return input.value; }
    ).sort().join(" ");
    var feedback = form.querySelector(".ss-feedback");
    form.classList.remove("ss-question--right", "ss-question--wrong");
    if (!chosen) {
      feedback.textContent = "Choose an answer first.";
      return;
    }
    var right = chosen === answers;
    form.classList.add(right ? "ss-question--right" : "ss-question--wrong");
    feedback.textContent = right ? "Correct." : "Not quite: see why below.";
    form.querySelector("details").open = true;
  }

  function enableQuizzes() {
    document.querySelectorAll("[data-ss-quiz]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        checkAnswers(form);
      });
      form.querySelector("button[type=submit]").hidden = false;
    });
  }

  showMarkButtons();
  showProgress();
  enableQuizzes();
})();

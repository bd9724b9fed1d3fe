/* Reading progress and knowledge checks. The reader's state (the stories read, with the
   day; each question's answer, and whether the first try was right) is kept through a
   store: in a package inside an LMS, package.js gives one (`window.ssStore`) that keeps it
   in the LMS; anywhere else it lives in this browser's localStorage only (no server, no
   cookie), keyed by story slug so that renaming a story's title keeps it, and scoped to
   this site's address. Without JavaScript the buttons stay hidden and every answer sits
   in a <details> element. */
(function () {
  "use strict";
  var PREFIX = "service-stories.";
  var say = window.ssWords ? window.ssWords.say : function (key) { return key; };
  var dateOf = window.ssWords ? window.ssWords.date : function (day) { return day; };

  function scope() {
    return window.__md_scope ? window.__md_scope.pathname : location.pathname.replace(/[^/]*$/, "");
  }

  var store = window.ssStore || {
    get: function (name) {
      try {
        return JSON.parse(localStorage.getItem(scope() + "." + PREFIX + name)) || {};
      } catch (error) {
        return {};
      }
    },
    set: function (name, value) {
      try {
        localStorage.setItem(scope() + "." + PREFIX + name, JSON.stringify(value));
      } catch (error) { /* storage full or disabled: the state is not kept */ }
    }
  };

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  var listeners = [];
  function changed() {
    listeners.forEach(function (listener) { listener(); });
  }

  function showMarkButtons() {
    document.querySelectorAll("[data-ss-read]").forEach(function (button) {
      var slug = button.dataset.ssRead;
      function render() {
        var done = Boolean(store.get("read")[slug]);
        button.setAttribute("aria-pressed", done ? "true" : "false");
        button.textContent = say(done ? "practice.read" : "practice.mark");
        button.classList.toggle("md-button--primary", !done);
      }
      button.addEventListener("click", function () {
        var read = store.get("read");
        if (read[slug]) delete read[slug]; else read[slug] = today();
        store.set("read", read);
        changed();
      });
      listeners.push(render);
      button.hidden = false;
      render();
    });
  }

  /* A path's progress. "Start again" shows only once a step is read, and clearing can be
     undone until the reader leaves the page or reads another step. */
  function showProgress() {
    document.querySelectorAll("[data-ss-progress]").forEach(function (box) {
      var steps = box.dataset.ssProgress.split(" ").filter(Boolean);
      var bar = box.querySelector("progress");
      var text = box.querySelector("[data-ss-progress-text]");
      var reset = box.querySelector("[data-ss-reset]");
      var undo = box.querySelector("[data-ss-undo]");
      var cleared = null;
      function render() {
        var read = store.get("read");
        var done = steps.filter(function (slug) { return read[slug]; }).length;
        bar.max = steps.length;
        bar.value = done;
        text.textContent = say("path.done", { done: done, count: steps.length });
        if (done) cleared = null;
        if (reset) reset.hidden = !done;
        if (undo) undo.hidden = !cleared;
        document.querySelectorAll("[data-ss-step]").forEach(function (item) {
          item.classList.toggle("ss-step--done", Boolean(read[item.dataset.ssStep]));
        });
      }
      if (reset) {
        reset.addEventListener("click", function () {
          var read = store.get("read");
          cleared = {};
          steps.forEach(function (slug) {
            if (read[slug]) cleared[slug] = read[slug];
            delete read[slug];
          });
          store.set("read", read);
          changed();
          if (undo) undo.focus();
        });
      }
      if (undo) {
        undo.addEventListener("click", function () {
          var read = store.get("read");
          Object.keys(cleared || {}).forEach(function (slug) { read[slug] = cleared[slug]; });
          cleared = null;
          store.set("read", read);
          changed();
          if (reset) reset.focus();
        });
      }
      listeners.push(render);
      box.hidden = false;
      render();
    });
  }

  function record(question, right) {
    var key = question.dataset.ssQuestion;
    if (!key) return;
    var answers = store.get("answers");
    var before = answers[key];
    answers[key] = { first: before ? before.first : right, right: right, date: today() };
    store.set("answers", answers);
  }

  /* A wrong answer says so and leaves the answer closed, to try again; the explanation
     opens with the right answer, or when the reader asks for it. */
  function checkAnswers(question) {
    var answers = question.dataset.ssQuiz.split(" ").sort().join(" ");
    var chosen = Array.prototype.map.call(
      question.querySelectorAll("input:checked"), function (input) { return input.value; }
    ).sort().join(" ");
    var feedback = question.querySelector(".ss-feedback");
    question.classList.remove("ss-question--right", "ss-question--wrong");
    if (!chosen) {
      feedback.textContent = say("practice.choose-first");
      return;
    }
    var right = chosen === answers;
    question.classList.add(right ? "ss-question--right" : "ss-question--wrong");
    feedback.textContent = right
      ? say("practice.correct")
      : say("practice.not-quite", { show: say("practice.show-answer") });
    if (right) question.querySelector("details").open = true;
    record(question, right);
  }

  function enableQuizzes() {
    document.querySelectorAll("[data-ss-quiz]").forEach(function (question) {
      var button = question.querySelector("button");
      button.addEventListener("click", function () { checkAnswers(question); });
      /* Enter on a choice checks it, as it would in a form. */
      question.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && event.target.matches("input")) {
          event.preventDefault();
          checkAnswers(question);
        }
      });
      button.hidden = false;
    });
  }

  /* The learner's record: each step's day read and knowledge-check result, per path. */
  function showRecord() {
    var read = store.get("read");
    var answers = store.get("answers");
    document.querySelectorAll("[data-ss-record]").forEach(function (section) {
      var done = 0, right = 0, asked = 0, steps = 0;
      section.querySelectorAll("[data-ss-record-step]").forEach(function (row) {
        var slug = row.dataset.ssRecordStep;
        var questions = Number(row.dataset.ssQuestions);
        steps += 1;
        if (read[slug]) {
          done += 1;
          row.querySelector("[data-ss-read-on]").textContent = dateOf(read[slug]);
        }
        if (!questions) return;
        var answered = 0, first = 0;
        for (var n = 1; n <= questions; n++) {
          var answer = answers[slug + "/" + n];
          if (answer) { answered += 1; if (answer.first) first += 1; }
        }
        asked += questions;
        right += first;
        if (answered) {
          row.querySelector("[data-ss-checked]").textContent =
            say("record.first-try", { right: first, count: questions }) +
            (answered < questions
              ? " " + say("record.unanswered", { count: questions - answered })
              : "");
        }
      });
      section.querySelector("[data-ss-record-summary]").textContent =
        say("record.stories-read", { done: done, count: steps }) +
        (asked
          ? say("list.separator") + say("record.questions-right", { right: right, count: asked })
          : "");
    });
    var tools = document.querySelector(".ss-record-js");
    if (!tools) return;
    var name = tools.querySelector("[data-ss-learner]");
    var printed = document.querySelector("[data-ss-printed]");
    var learner = store.get("learner");
    name.value = learner.name || "";
    function label() {
      printed.hidden = !name.value;
      printed.textContent = say("record.printed", { name: name.value, date: dateOf(today()) });
    }
    name.addEventListener("input", function () {
      store.set("learner", { name: name.value });
      label();
    });
    tools.querySelector("[data-ss-print]").addEventListener("click", function () { window.print(); });
    tools.hidden = false;
    label();
  }

  showMarkButtons();
  showProgress();
  enableQuizzes();
  showRecord();
})();

/* A training path inside an LMS (SCORM 1.2 or 2004): one step at a time, and what the
   learner did reported to the LMS. The LMS's API object is found up the chain of parent
   windows, then the opener's, as the SCORM specifications describe. The learner's state
   (the steps read, the answers, the step reached) is kept in the LMS's suspend_data, so a
   learner who comes back resumes where they were. Opened without an LMS, the page keeps
   that state in this browser's localStorage, as the site does. Loaded before training.js,
   which reads and writes the state through `window.ssStore`. */
(function () {
  "use strict";
  var root = document.querySelector("[data-ss-package]");
  if (!root) return;
  var version = root.dataset.ssScorm;
  var slugs = root.dataset.ssSteps.split(" ").filter(Boolean);
  var questions = Number(root.dataset.ssQuestions || 0);
  var passMark = root.dataset.ssPassMark ? Number(root.dataset.ssPassMark) : null;
  var sections = Array.prototype.slice.call(root.querySelectorAll(".ss-step"));

  function apiIn(win, name) {
    for (var tries = 0; win && tries < 500; tries++) {
      try {
        if (win[name]) return win[name];
      } catch (error) { return null; } /* another origin: the search ends there */
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var name = version === "1.2" ? "API" : "API_1484_11";
    return apiIn(window, name) || (window.opener ? apiIn(window.opener, name) : null);
  }

  /* The LMS's calls, the same for both versions. */
  function lms(api) {
    var v12 = version === "1.2";
    var names = v12
      ? { location: "cmi.core.lesson_location", exit: "cmi.core.exit", raw: "cmi.core.score.raw",
          min: "cmi.core.score.min", max: "cmi.core.score.max" }
      : { location: "cmi.location", exit: "cmi.exit", raw: "cmi.score.raw",
          min: "cmi.score.min", max: "cmi.score.max" };
    return {
      names: names,
      v12: v12,
      start: function () { return String(v12 ? api.LMSInitialize("") : api.Initialize("")) === "true"; },
      get: function (name) { return String((v12 ? api.LMSGetValue(name) : api.GetValue(name)) || ""); },
      set: function (name, value) { return v12 ? api.LMSSetValue(name, String(value)) : api.SetValue(name, String(value)); },
      commit: function () { return v12 ? api.LMSCommit("") : api.Commit(""); },
      finish: function () { return v12 ? api.LMSFinish("") : api.Terminate(""); }
    };
  }

  var state = { read: {}, answers: {}, step: "" };
  var connection = null;
  var api = findApi();
  if (api) {
    connection = lms(api);
    if (!connection.start()) connection = null;
  }

  function reported(done, right) {
    var c = connection;
    if (questions > 0) {
      c.set(c.names.raw, right);
      c.set(c.names.min, 0);
      c.set(c.names.max, questions);
      if (!c.v12) c.set("cmi.score.scaled", (right / questions).toFixed(4));
    }
    var passed = passMark === null || questions === 0 || (100 * right) / questions >= passMark;
    if (c.v12) {
      var status = !done ? "incomplete" : passMark === null ? "completed" : passed ? "passed" : "failed";
      c.set("cmi.core.lesson_status", status);
    } else {
      c.set("cmi.completion_status", done ? "completed" : "incomplete");
      c.set("cmi.progress_measure", (Object.keys(state.read).length / Math.max(1, slugs.length)).toFixed(4));
      c.set("cmi.success_status", passMark === null || !done ? "unknown" : passed ? "passed" : "failed");
    }
  }

  function report() {
    if (!connection) return;
    var read = slugs.filter(function (slug) { return state.read[slug]; }).length;
    var right = Object.keys(state.answers).filter(function (key) {
      return slugs.indexOf(key.split("/")[0]) !== -1 && state.answers[key].first;
    }).length;
    connection.set(connection.names.location, state.step);
    connection.set("cmi.suspend_data", JSON.stringify(state));
    reported(read === slugs.length, right);
    connection.commit();
  }

  if (connection) {
    try {
      var saved = JSON.parse(connection.get("cmi.suspend_data") || "{}");
      state.read = saved.read || {};
      state.answers = saved.answers || {};
    } catch (error) { /* unreadable: start afresh */ }
    state.step = connection.get(connection.names.location);
    window.ssStore = {
      get: function (name) { return JSON.parse(JSON.stringify(state[name] || {})); },
      set: function (name, value) { state[name] = value; report(); }
    };
    report();
  }

  function sectionFor(hash) {
    var id = hash.replace(/^#/, "");
    for (var i = 0; i < sections.length; i++) {
      if (id === sections[i].id || id.indexOf(sections[i].id + "-") === 0) return sections[i];
    }
    return null;
  }

  function show(hash) {
    var shown = sectionFor(hash) || sectionFor("#" + (state.step || "intro")) || sections[0];
    sections.forEach(function (section) { section.hidden = section !== shown; });
    root.classList.add("ss-package--stepped");
    if (shown.id !== state.step) {
      state.step = shown.id;
      report();
    }
    var target = document.getElementById(hash.replace(/^#/, ""));
    (target && target !== shown ? target : shown).scrollIntoView();
  }

  window.addEventListener("hashchange", function () { show(location.hash); });
  show(location.hash);

  var finished = false;
  function finish() {
    if (!connection || finished) return;
    finished = true;
    var done = slugs.every(function (slug) { return state.read[slug]; });
    connection.set(connection.names.exit, done ? (connection.v12 ? "" : "normal") : "suspend");
    connection.commit();
    connection.finish();
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();

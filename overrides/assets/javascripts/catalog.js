/* The catalog's filters and sortable columns. Without JavaScript the catalog is a plain
   table, paged, and complete across its pages (no-js.css hides the filters and shows the
   pagers). With this script, the table holds every story at once (from catalog.json), the
   filters read and write the query string (?lesson=...&channel=...&outcome=...), a filter
   that matches nothing says so and offers to clear them, and the column headers sort. If
   the data cannot load, the pagers come back and the filters work on this page's rows.
   Text is set with textContent: nothing from the data is parsed as HTML. */
(function () {
  "use strict";
  var table = document.querySelector("[data-ss-catalog]");
  var form = document.querySelector("[data-ss-filters]");
  if (!table || !form) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = form.querySelector("output");
  var empty = document.querySelector("[data-ss-empty]");
  var say = window.ssWords ? window.ssWords.say : function (key) { return key; };
  /* The filters this catalog has (evidence only where the library has more than one kind). */
  var fields = ["lesson", "channel", "outcome", "evidence"].filter(function (name) {
    return form.elements[name];
  });

  function cell(row, content) {
    var td = document.createElement("td");
    if (content) td.appendChild(content);
    row.appendChild(td);
    return td;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  /* One row per story, as the template writes them. */
  function rowsFrom(data, root) {
    return data.stories.map(function (story) {
      var row = document.createElement("tr");
      row.dataset.lessons = story[6].join(" ");
      row.dataset.channel = story[4];
      row.dataset.outcome = story[5];
      row.dataset.evidence = story[7];
      var title = cell(row, link(root + story[0], story[1]));
      if (story[7] !== "reported") {
        var mark = document.createElement("span");
        mark.className = "ss-evidence ss-evidence--" + story[7];
        mark.title = say("evidence." + story[7] + "-title");
        mark.textContent = say("evidence." + story[7]);
        title.append(" ", mark);
      }
      cell(row).textContent = story[2];
      cell(row).textContent = story[3] === null ? say("year.undated") : String(story[3]);
      cell(row).textContent = say("channel." + story[4]);
      var outcome = document.createElement("span");
      outcome.className = "ss-outcome ss-outcome--" + story[5];
      outcome.textContent = say("outcome." + story[5]);
      cell(row, outcome);
      var lessons = cell(row);
      story[6].forEach(function (id, index) {
        var lesson = data.lessons[id] || [id, "lessons/" + id + "/"];
        if (index) lessons.appendChild(document.createTextNode(say("list.comma")));
        lessons.appendChild(link(root + lesson[1], lesson[0]));
      });
      return row;
    });
  }

  function matches(row, wanted) {
    if (wanted.lesson && row.dataset.lessons.split(" ").indexOf(wanted.lesson) < 0) return false;
    if (wanted.channel && row.dataset.channel !== wanted.channel) return false;
    if (wanted.outcome && row.dataset.outcome !== wanted.outcome) return false;
    if (wanted.evidence && row.dataset.evidence !== wanted.evidence) return false;
    return true;
  }

  function applyFilters(updateAddress) {
    var wanted = {};
    var query = new URLSearchParams();
    fields.forEach(function (name) {
      wanted[name] = form.elements[name].value;
      if (wanted[name]) query.set(name, wanted[name]);
    });
    var shown = 0;
    rows.forEach(function (row) {
      row.hidden = !matches(row, wanted);
      if (!row.hidden) shown += 1;
    });
    count.textContent = say("catalog.showing", { shown: shown, count: rows.length });
    if (empty) empty.hidden = shown > 0;
    if (updateAddress) {
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }
  }

  function sortBy(header, index) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var numeric = header.dataset.sort === "number";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent.trim();
      var y = b.cells[index].textContent.trim();
      /* An undated story sorts before every year. */
      var order = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function start() {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      if (!header.dataset.sort) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ss-sort";
      button.textContent = header.textContent;
      button.title = say("catalog.sort-by", { column: header.textContent });
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(header, index); });
    });
    /* A catalog of one kind of evidence starts filtered to it, unless the address says. */
    var params = new URLSearchParams(location.search || form.dataset.ssPreset || "");
    fields.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
      select.addEventListener("change", function () { applyFilters(true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (empty) {
      empty.querySelector("[data-ss-clear]").addEventListener("click", function () {
        fields.forEach(function (name) { form.elements[name].value = ""; });
        applyFilters(true);
        form.elements[fields[0]].focus();
      });
    }
    applyFilters(false);
  }

  /* Every story at once when the data loads; this page's rows when it cannot. A copy read
     from the file system, where nothing can be fetched, gives the data as a script. */
  var source = form.dataset.ssData;
  var loaded = window.__catalog ? Promise.resolve(window.__catalog) : fetch(source)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  loaded
    .then(function (data) {
      rows = rowsFrom(data, source.replace(/catalog\.json$/, ""));
      body.replaceChildren.apply(body, rows);
    })
    .catch(function () {
      /* Keep the rows of this page, and the way to the others. */
      document.querySelectorAll("[data-ss-catalog-pager]").forEach(function (pager) {
        pager.classList.remove("ss-no-js");
      });
    })
    .then(start);
})();

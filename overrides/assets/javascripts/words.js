/* The site's words for its scripts, in the page's language. Each page carries the words its
   scripts show as data (<script type="application/json" data-ss-words>), from the build's
   catalog (overrides/partials/stories-languages/); nothing here is in any one language.
   `say(key, values)` fills a message's {slots}; a count ({count} among the values) takes
   the plural form the language uses for that number, and numbers and dates are written the
   language's way (Intl). */
(function () {
  "use strict";
  var words = null, plurals, numbers, dates;

  /* The words are read when first asked for: by then every script that needs them runs,
     and every data block before it is in the page. */
  function load() {
    if (words) return;
    words = {};
    document.querySelectorAll("script[data-ss-words]").forEach(function (data) {
      try {
        Object.assign(words, JSON.parse(data.textContent));
      } catch (error) { /* unreadable data: the keys show instead */ }
    });
    /* The catalog's locale (en_GB), as Intl names it (en-GB); else the page's language. */
    var language = (words.locale || document.documentElement.lang || "en").replace(/_/g, "-");
    plurals = new Intl.PluralRules(language);
    numbers = new Intl.NumberFormat(language);
    dates = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  }

  function number(value) {
    return typeof value === "number" ? numbers.format(value) : value;
  }

  window.ssWords = {
    say: function (key, values) {
      load();
      values = values || {};
      var message = words[key];
      if (message === undefined) return key;
      if (typeof message !== "string") {
        message = message[plurals.select(values.count)] || message.other;
      }
      return message.replace(/\{(\w+)\}/g, function (slot, name) {
        return name in values ? String(number(values[name])) : slot;
      });
    },
    /* A day written as YYYY-MM-DD, as the language writes dates. */
    date: function (day) {
      load();
      var parts = day.split("-").map(Number);
      return dates.format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
    }
  };
})();

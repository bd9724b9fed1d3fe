"use strict";
/* Search by any form of a word. The build writes this file before Material's search worker,
   into one worker (see search.py), so that it sees each message before Material's does.

   Material's worker matches each typed word as the start of a word in the text
   ("apology" becomes apology*), and stems nothing: "apology" misses a story that says
   "apologized", and "apologise" and "apologize" find different stories. Here each typed
   word is cut to its stem first (apology, apologies, apologise, apologised, apologize,
   apologized: all apolog*), with British -ise spelt -ize before stemming, as lunr's
   English stemmer expects. Where a word's stem does not start the word itself (happy,
   happi), the stem is added to the document's hidden `forms` field, which Material indexes
   but never shows. Quoted phrases and words with operators (+, -, *, ~, ^, :) are left as
   typed. All this is for English, whose stemmer it uses; a site in another language
   searches as Material's search does in that language. */
(function () {
  var BRITISH = /is(e|es|ed|ing|ation|ations)$/;
  var WORD = /^[a-z\u00c0-\u024f]+$/;

  function stem(word) {
    var lunr = self.lunr;
    var normal = word.replace(BRITISH, "iz$1");
    return lunr ? lunr.stemmer(new lunr.Token(normal, {})).toString() : normal;
  }

  /* The stems a document's words have that do not start the words themselves. */
  function forms(doc) {
    var found = {};
    var text = ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ");
    (text.toLowerCase().match(/[a-z\u00c0-\u024f]+/g) || []).forEach(function (word) {
      if (word.length < 3 || found[word] !== undefined) return;
      var root = stem(word);
      found[word] = word.lastIndexOf(root, 0) === 0 ? "" : root;
    });
    var roots = {};
    Object.keys(found).forEach(function (word) {
      if (found[word]) roots[found[word]] = true;
    });
    return Object.keys(roots).join(" ");
  }

  /* The query with each plain word cut to its stem. */
  function widen(query) {
    var quoted = false;
    return query.split(/(\s+)/).map(function (part) {
      var quotes = (part.match(/"/g) || []).length;
      var plain = !quoted && !quotes && WORD.test(part.toLowerCase());
      if (quotes % 2) quoted = !quoted;
      return plain && part.length > 2 ? stem(part.toLowerCase()) : part;
    }).join("");
  }

  var english = false;
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === 0 && message.data && message.data.config) {
      var lang = message.data.config.lang || [];
      english = lang.length === 1 && lang[0] === "en";
      if (!english) return;
      message.data.config.fields.forms = { boost: 1 };
      message.data.docs.forEach(function (doc) { doc.forms = forms(doc); });
    } else if (english && message.type === 2 && typeof message.data === "string") {
      message.data = widen(message.data);
    }
  });
})();

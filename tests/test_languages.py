"""Every word the build writes follows `theme.language`: the catalogs are complete, every key
the templates, scripts and build use is defined, and the repository's own site built in
German, French, Spanish and Arabic shows no English interface word on any kind of page,
an LMS package included."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from builds import ROOT, build_config
from selectolax.lexbor import LexborHTMLParser
from service_stories.words import CATALOGS, Words, read_catalog

LANGUAGES = ("de", "fr", "es", "ar")
FOLDER = ROOT / "overrides" / CATALOGS
ENGLISH = read_catalog((FOLDER / "en.html").read_text(encoding="utf-8"))
SLOT = re.compile(r"\{(\w+)\}")
# The pages to read: every kind of page the issue names (a story in a path, with a quiz).
PAGES = {
    "home": "index.html",
    "story": "lego-lost-ninja/index.html",
    "lesson": "lessons/personalize-the-reply/index.html",
    "catalog": "catalog/index.html",
    "trainers": "trainers/index.html",
    "guide": "trainers/first-week/guide/index.html",
    "handout": "trainers/first-week/handout/index.html",
    "not found": "404.html",
}


def catalog(language: str) -> dict:
    return read_catalog((FOLDER / f"{language}.html").read_text(encoding="utf-8"))


def slots(message) -> set[str]:
    texts = [message] if isinstance(message, str) else list(message.values())
    return {slot for text in texts for slot in SLOT.findall(text)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_has_every_key_with_the_same_slots(language):
    found = catalog(language)
    assert set(ENGLISH) - set(found) == set(), "keys missing"
    assert set(found) - set(ENGLISH) == set(), "keys no English message has"
    differ = [key for key in ENGLISH if slots(ENGLISH[key]) != slots(found[key])]
    assert differ == []


@pytest.mark.parametrize("language", ("en", *LANGUAGES))
def test_each_count_has_every_plural_form_its_language_uses(language):
    words = Words(catalog(language), ENGLISH)
    needed = set(words.plural_forms())
    for key, message in catalog(language).items():
        if not isinstance(message, str):
            assert needed <= set(message), f"{language} {key}: needs {sorted(needed)}"


def test_plural_forms_numbers_and_dates_follow_the_language():
    from datetime import date

    german = Words(catalog("de"), ENGLISH)
    arabic = Words(catalog("ar"), ENGLISH)
    assert Words(ENGLISH, ENGLISH).count("count.stories", 1) == "1 story"
    assert german.count("count.stories", 1234).startswith("1.234 ")
    assert german.date(date(2026, 11, 22)) == "22. November 2026"
    two, three, eleven = (arabic.count("count.stories", n) for n in (2, 3, 11))
    assert len({two, three, eleven}) == 3  # the dual, the few and the many forms


def _used_keys() -> set[str]:
    """Every key a template, a script or the build names; a key built from a prefix
    (`"channel." ~ story.channel`) counts as its prefix."""
    patterns = [
        r"""words\[\s*["']([\w.-]+)["']""",
        r"""(?:say|count|form|message)\(\s*["']([\w.-]+)["']""",
    ]
    found: set[str] = set()
    sources = [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "overrides").rglob("*.js")]
    sources += [*(ROOT / "hooks").rglob("*.py")]
    for path in sources:
        if CATALOGS.as_posix() in path.as_posix():
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            found |= set(re.findall(pattern, text))
        for call in re.findall(r"script_words\(([^)]*)\)", text):
            found |= set(re.findall(r"""["']([\w.-]+)["']""", call))
        found |= set(re.findall(r"""words\[\s*["']([\w-]+\.)["']\s*~""", text))
        found |= set(re.findall(r"""say\(\s*["']([\w-]+\.)["']\s*\+""", text))
    return found


def test_every_key_used_anywhere_is_in_the_english_catalog():
    used = _used_keys()
    assert len(used) > 100  # the scan finds the keys in use
    missing = {
        key
        for key in used
        if key not in ENGLISH
        and not (key.endswith(".") and any(k.startswith(key) for k in ENGLISH))
    }
    assert missing == set()


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"site-{request.param}") / "site"
    log = build_config(ROOT / "mkdocs.yml", folder, language=request.param).log
    return request.param, folder, log


def visible_texts(html: str) -> list[str]:
    """What a reader sees or hears of a page: each text, and the names and hints of its
    controls (aria-label, title, placeholder, alt), whitespace made single."""
    tree = LexborHTMLParser(html)
    # Code is not words (a field's name, a file's), and what a trainer wrote is theirs.
    for node in tree.css("script, style, template, noscript, code, [data-ss-content]"):
        node.decompose()
    texts = [node.text(deep=False) for node in tree.root.traverse(include_text=False)]
    for node in tree.css("[aria-label], [title], [placeholder], [alt]"):
        for name in ("aria-label", "title", "placeholder", "alt"):
            texts.append(node.attributes.get(name) or "")
    return [" ".join(text.split()) for text in texts if text and text.strip()]


# Slots the build fills with a number; any other slot holds text.
NUMBERS = {"count", "number", "total", "done", "shown", "right", "mark", "pages", "rows"}


def _pattern(message: str) -> re.Pattern:
    """A message as a pattern of the texts it makes, its slots filled."""
    pieces = re.split(r"(\{\w+\})", " ".join(message.split()))
    return re.compile(
        "".join(
            (r"[\d.,\s]+" if piece[1:-1] in NUMBERS else ".+?")
            if piece.startswith("{") and piece.endswith("}")
            else re.escape(piece)
            for piece in pieces
        )
    )


def english_leftovers(texts: list[str], language: str) -> list[str]:
    """The texts that are an English message, or one with its slots filled, where the
    language's own differs. The site writes each message as a text of its own, or as a
    part of one between " · "; content (a story's own words) is never a whole message."""
    own = catalog(language)
    patterns = []
    for key, message in ENGLISH.items():
        for form, text in message.items() if isinstance(message, dict) else [("", message)]:
            theirs = own[key] if isinstance(own[key], str) else own[key].get(form, "")
            same = " ".join(text.split()) == " ".join(theirs.split())
            if same or key in ("locale", "direction", "list.separator", "list.comma"):
                continue
            patterns.append((key, _pattern(text)))
    segments = {
        segment.strip().rstrip(":").strip()
        for text in texts
        for segment in re.split(r"\s+·\s+|^[←→]\s*|\s*[←→]$", text)
    }
    return sorted(
        f"{key}: {segment}"
        for segment in segments
        for key, pattern in patterns
        if segment and pattern.fullmatch(segment)
    )


def test_the_site_builds_strictly_in_each_language_with_its_lang_and_direction(built):
    language, folder, log = built
    assert "WARNING" not in log and "ERROR" not in log
    html = (folder / "lego-lost-ninja" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html
    assert ('<body dir="rtl"' in html) == (language == "ar")
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language]


@pytest.mark.parametrize("name", PAGES)
def test_no_english_interface_word_on_any_kind_of_page(built, name):
    language, folder, _ = built
    html = (folder / PAGES[name]).read_text(encoding="utf-8")
    assert english_leftovers(visible_texts(html), language) == []


def test_no_english_interface_word_in_the_search_index(built):
    # Search shows each section's title as a result's heading: a story's discussion
    # questions and knowledge check are sections the index adds of its own.
    language, folder, _ = built
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [document["title"] for document in index["docs"]]
    assert english_leftovers(titles, language) == []
    discuss = [d for d in index["docs"] if d["location"] == "lego-lost-ninja/#discuss"]
    assert len(discuss) == 1 and discuss[0]["title"] == catalog(language)["practice.discuss"]


def test_no_english_interface_word_inside_an_lms_package(built):
    language, folder, _ = built
    for package in (folder / "trainers" / "first-week").glob("scorm*.zip"):
        with zipfile.ZipFile(package) as archive:
            html = archive.read("index.html").decode("utf-8")
        assert english_leftovers(visible_texts(html), language) == [], package.name
        assert f'lang="{language}"' in html


def test_the_scan_finds_english_left_in_a_page():
    # A German page that still says "Related stories" and "Showing 3 of 26 stories".
    texts = ["Ähnliche Geschichten", "Related stories", "Showing 3 of 26 stories"]
    assert english_leftovers(texts, "de") == [
        "catalog.showing: Showing 3 of 26 stories",
        "story.related: Related stories",
    ]


def test_a_language_without_a_catalog_keeps_english_words(tmp_path):
    from service_stories.words import load

    words, found = load([ROOT / "overrides"], "it")
    assert not found and words["story.related"] == "Related stories"


def test_a_team_corrects_one_word_with_a_file_of_its_own(tmp_path):
    from service_stories.words import load

    own = tmp_path / CATALOGS
    own.mkdir(parents=True)
    (own / "de.html").write_text(
        '{%- set messages = {"locale": "de", "story.related": "Verwandte Fälle"} -%}',
        encoding="utf-8",
    )
    words, found = load([tmp_path, ROOT / "overrides"], "de")
    assert found and words["story.related"] == "Verwandte Fälle"
    assert words["story.sources"] == "Sources"  # a key it leaves out is English


def test_every_page_reads_its_language_in_a_page_that_says_so(built):
    language, folder, _ = built
    for relative in PAGES.values():
        html = (folder / relative).read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{language}"', html), relative

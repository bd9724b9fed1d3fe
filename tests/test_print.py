"""The facilitator guides, handouts and the learner's record on paper: Chromium's PDF of each,
on A4 and on Letter, in the light palette and the dark one (Material's "slate", which the
palette follows from prefers-color-scheme until the reader picks one), read back with
poppler: `pdftotext` a page at a time for the words, `pdftoppm` for the sheets' pixels.

The guides and handouts are found where a trainer finds them, in the trainer's corner.
Every PDF is printed with background graphics on, as the print dialog offers: the way a
dark page background would reach the paper."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extras")

PAPERS = ("A4", "Letter")
SCHEMES = ("light", "dark")
MIN_WORDS = 60  # on any page but the last: fewer, and a sheet is wasted on a few lines
MIN_FILL = 0.75  # how far down each page of the guide but the last its text reaches
HANDOUT_WORDS = 600  # the trainer's corner: a story up to this long fits on one page

# What the printed page shows of the DOM, read with the print stylesheet applied.
SHOWN = r"""() => {
    const shown = element => element.checkVisibility();
    const text = element => element.innerText;
    return {
        headings: [...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')]
            .filter(shown).map(text),
        questions: [...document.querySelectorAll('.ss-guide-step ol > li:has(> ul)')]
            .map(item => [item.firstChild.textContent, text(item.querySelector(':scope > p'))]),
        stories: [...document.querySelectorAll('section.ss-handout-story > h1')].map(text),
        site: [...document.querySelectorAll('.md-header, .md-tabs, .md-sidebar, .md-footer')]
            .filter(shown).map(element => element.className),
        links: [...document.querySelectorAll('article a')].filter(shown)
            .filter(link => getComputedStyle(link).textDecorationLine !== 'none'
                || getComputedStyle(link).color !== getComputedStyle(link.parentElement).color)
            .map(text),
        pale: [...document.querySelectorAll('article *')].filter(shown)
            .filter(element => [...element.childNodes]
                .some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim()))
            .filter(element => {
                // The text's colour over white paper, lighter than 60% grey.
                const [r, g, b, a = 1] = getComputedStyle(element).color.match(/[\d.]+/g)
                    .map(Number);
                return (0.299 * r + 0.587 * g + 0.114 * b) * a + 255 * (1 - a) > 153;
            })
            .map(element => `${element.tagName}: ${text(element).slice(0, 40)}`),
    };
}"""

# Lengthens each handout story shorter than `target` words to that many, with its own
# words spread over its paragraphs; returns the titles of the stories it lengthened.
LENGTHEN = r"""target => {
    const lengthened = [];
    for (const story of document.querySelectorAll('section.ss-handout-story')) {
        // The story's own text: the trainer's body, after its title, facts and lessons.
        const body = [...story.querySelector('[data-ss-content]').children];
        const words = body.flatMap(part => part.innerText.split(/\s+/).filter(Boolean));
        const paragraphs = body.filter(part => part.tagName === 'P');
        if (words.length >= target || !paragraphs.length) continue;
        let missing = target - words.length, next = 0;
        paragraphs.forEach((paragraph, index) => {
            const share = Math.ceil(missing / (paragraphs.length - index));
            const extra = Array.from({length: share}, () => words[next++ % words.length]);
            paragraph.append(' ' + extra.join(' '));
            missing -= share;
        });
        lengthened.push(story.querySelector('h1').innerText);
    }
    return lengthened;
}"""


def poppler(*command: str) -> str:
    """The output of one of poppler's tools; without them the tests fail (never skip)."""
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is not installed: install poppler-utils")
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def plain(text: str) -> str:
    """Text as the tests compare it: ligatures undone, every run of white space one space,
    and no hyphens (pdftotext joins a word hyphenated at a line's end: re-accommodate)."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("-", "").split())


@dataclass(frozen=True)
class Printout:
    """A page printed to PDF, with what its printed DOM showed."""

    address: str
    paper: str
    scheme: str
    pdf: Path
    pages: tuple[str, ...]  # the text of each page, `plain`
    shown: dict

    def words(self) -> list[int]:
        return [len(text.split()) for text in self.pages]

    def fills(self) -> list[float]:
        """How far down each page its text reaches, as a share of the page's height."""
        fills = []
        for page in poppler("pdftotext", "-bbox", str(self.pdf), "-").split("<page ")[1:]:
            height = float(re.search(r'height="([\d.]+)"', page).group(1))
            bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
            fills.append(round(max(bottoms, default=0) / height, 2))
        return fills

    def story_pages(self) -> dict[str, list[int]]:
        """For each handout story, the numbers of the pages it prints on (from the page
        that starts with its title to the page before the next story's)."""
        firsts = {}
        for title in map(plain, self.shown["stories"]):
            starting = [n for n, text in enumerate(self.pages, 1) if text.startswith(title)]
            firsts[title] = starting[0] if starting else None
        starts = sorted(n for n in firsts.values() if n)
        return {
            title: []
            if first is None
            else list(range(first, next((n for n in starts if n > first), len(self.pages) + 1)))
            for title, first in firsts.items()
        }

    def __str__(self) -> str:
        return (
            f"{self.address} on {self.paper} ({self.scheme} palette): "
            f"{len(self.pages)} pages of {self.words()} words"
        )


def print_pdf(page, folder: Path, paper: str, scheme: str) -> Printout:
    """Print an open page as the print dialog would, background graphics on."""
    page.emulate_media(media="print")
    shown = page.evaluate(SHOWN)
    address = page.url.split("/", 3)[3]
    pdf = folder / f"{address.replace('/', '-') or 'home'}{paper}-{scheme}.pdf"
    page.pdf(path=str(pdf), format=paper, print_background=True)
    count = int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))
    pages = tuple(
        plain(poppler("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"))
        for n in range(1, count + 1)
    )
    return Printout(address, paper, scheme, pdf, pages, shown)


@pytest.fixture(scope="module")
def site(repository_site):
    return repository_site[0]


@pytest.fixture(scope="module")
def documents(browser, site) -> dict[str, list[str]]:
    """The addresses of the guides and handouts, as the trainer's corner links them, and
    of the learner's record."""
    context = browser.new_context(base_url=site)
    page = context.new_page()
    page.goto("trainers/")
    found = {
        kind: page.get_by_role("link", name=name, exact=True).evaluate_all(
            "links => links.map(link => link.href)"
        )
        for kind, name in (("guide", "facilitator guide"), ("handout", "printable handout"))
    }
    context.close()
    assert found["guide"] and len(found["guide"]) == len(found["handout"])
    return {**found, "record": [site + "record/"]}


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    """Print a page on a paper in a palette, once per module."""
    folder = tmp_path_factory.mktemp("pdf")
    printouts: dict[tuple[str, str, str], Printout] = {}

    def print_once(address: str, paper: str, scheme: str) -> Printout:
        if (address, paper, scheme) not in printouts:
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            page.goto(address)
            page.wait_for_load_state("networkidle")
            printouts[address, paper, scheme] = print_pdf(page, folder, paper, scheme)
            context.close()
        return printouts[address, paper, scheme]

    return print_once


every_paper_and_palette = pytest.mark.parametrize(
    "paper, scheme", [(paper, scheme) for paper in PAPERS for scheme in SCHEMES]
)


@every_paper_and_palette
@pytest.mark.parametrize("kind", ["guide", "handout"])
def test_no_page_but_the_last_is_nearly_empty(documents, printed, kind, paper, scheme):
    for address in documents[kind]:
        printout = printed(address, paper, scheme)
        short = [n for n, words in enumerate(printout.words()[:-1], 1) if words < MIN_WORDS]
        assert not short, f"{printout}: pages {short} hold fewer than {MIN_WORDS} words"


@every_paper_and_palette
@pytest.mark.parametrize("kind", ["guide", "handout"])
def test_no_page_ends_on_a_heading(documents, printed, kind, paper, scheme):
    for address in documents[kind]:
        printout = printed(address, paper, scheme)
        headings = list(dict.fromkeys(plain(heading) for heading in printout.shown["headings"]))
        assert headings, f"{printout}: no heading found in the page"
        ending = [
            (n, heading)
            for n, text in enumerate(printout.pages[:-1], 1)
            for heading in headings
            if text.endswith(heading)
        ]
        assert not ending, f"{printout}: pages ending on a heading: {ending}"


@every_paper_and_palette
def test_each_quiz_question_prints_on_the_page_of_its_explanation(
    documents, printed, paper, scheme
):
    for address in documents["guide"]:
        printout = printed(address, paper, scheme)
        questions = [(plain(question), plain(why)) for question, why in printout.shown["questions"]]
        assert questions, f"{printout}: no knowledge-check question found"
        assert all(why.startswith("Why:") for _, why in questions)
        apart = [
            (question, [n for n, text in enumerate(printout.pages, 1) if question in text])
            for question, why in questions
            if not any(question in text and why in text for text in printout.pages)
        ]
        assert not apart, f"{printout}: questions apart from their explanations: {apart}"


@every_paper_and_palette
def test_the_guide_fills_its_pages(documents, printed, paper, scheme):
    for address in documents["guide"]:
        printout = printed(address, paper, scheme)
        fills = printout.fills()
        assert all(fill >= MIN_FILL for fill in fills[:-1]), (
            f"{printout}: the text reaches down {fills} of each page"
        )


@every_paper_and_palette
@pytest.mark.parametrize("kind", ["guide", "handout"])
def test_the_site_around_the_page_does_not_print_and_links_print_as_text(
    documents, printed, kind, paper, scheme
):
    for address in documents[kind]:
        printout = printed(address, paper, scheme)
        assert printout.shown["site"] == [], f"{printout}: the site's navigation prints"
        assert printout.shown["links"] == [], f"{printout}: links print as links"


@every_paper_and_palette
def test_each_handout_story_starts_a_new_page(documents, printed, paper, scheme):
    for address in documents["handout"]:
        printout = printed(address, paper, scheme)
        story_pages = printout.story_pages()
        assert len(story_pages) >= 2, f"{printout}: stories {story_pages}"
        assert all(story_pages.values()), f"{printout}: stories not at a page's top: {story_pages}"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_handout_story_of_600_words_fits_on_one_page(browser, documents, paper, tmp_path):
    """What the trainer's corner promises, on each of the library's stories lengthened to
    HANDOUT_WORDS words: its own title, facts, lessons, headings and lists, and more text."""
    for address in documents["handout"]:
        context = browser.new_context()
        page = context.new_page()
        page.goto(address)
        lengthened = page.evaluate(LENGTHEN, HANDOUT_WORDS)
        printout = print_pdf(page, tmp_path, paper, "light")
        context.close()
        story_pages = printout.story_pages()
        assert lengthened, f"{printout}: no story shorter than {HANDOUT_WORDS} words"
        longer = {
            title: pages
            for title, pages in story_pages.items()
            if title in map(plain, lengthened) and len(pages) != 1
        }
        assert not longer, f"{printout}: at {HANDOUT_WORDS} words, pages of each story: {longer}"


def test_the_trainers_corner_says_how_the_handout_prints(browser, site):
    context = browser.new_context(base_url=site)
    page = context.new_page()
    page.goto("trainers/")
    session = plain(page.locator("#sessions + ul > li").first.inner_text())
    context.close()
    assert (
        "printable handout (each story starts on a new page; a story of up to about "
        f"{HANDOUT_WORDS} words fits on one A4 or Letter page)" in session
    )


def sheets(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """Each page of a PDF as pdftoppm rasterises it at 30 dpi: width, height, RGB bytes.
    (Its PPM output, which Python reads without an image library.)"""
    poppler("pdftoppm", "-r", "30", str(pdf), str(folder / "sheet"))
    pages = []
    for image in sorted(folder.glob("sheet-*.ppm"), key=lambda path: int(path.stem[6:])):
        magic, width, height, _, pixels = image.read_bytes().split(maxsplit=4)
        assert magic == b"P6"
        pages.append((int(width), int(height), pixels))
    return pages


def lightness(width: int, height: int, pixels: bytes):
    """Each pixel's lightness (0 black, 255 white), row by row."""
    return [
        [
            (299 * pixels[i] + 587 * pixels[i + 1] + 114 * pixels[i + 2]) // 1000
            for i in range(3 * width * y, 3 * width * (y + 1), 3)
        ]
        for y in range(height)
    ]


@every_paper_and_palette
@pytest.mark.parametrize("kind", ["guide", "handout", "record"])
def test_sheets_print_dark_on_white_without_a_frame(
    documents, printed, kind, paper, scheme, tmp_path
):
    address = documents[kind][0]
    printout = printed(address, paper, scheme)
    assert printout.shown["pale"] == [], f"{printout}: text too pale for paper"
    for n, sheet in enumerate(sheets(printout.pdf, tmp_path), 1):
        rows = lightness(*sheet)
        edges = rows[0] + rows[-1] + [row[0] for row in rows] + [row[-1] for row in rows]
        everything = sorted(value for row in rows for value in row)
        assert min(edges) >= 235, f"{printout}: page {n} has a frame ({min(edges)} at its edge)"
        assert everything[len(everything) // 2] >= 250, f"{printout}: page {n} is not white"
        assert everything[0] <= 128, f"{printout}: page {n}'s darkest ink is {everything[0]}"

"""Structural HTML checks for rendered pages, without a browser.

`html_problems(html)` returns a list of human-readable problems: missing doctype or
`lang`, duplicate ids, not exactly one `h1`, skipped heading levels, unlabelled form
controls, ARIA/label references to missing ids, unclosed or misnested elements, and
scripts, styles or fonts loaded from another host. An empty list means the page passed.
"""

from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}
# Elements whose end tag HTML allows to be left out; the nesting check ignores them.
OPTIONAL_END_ELEMENTS = {
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rt", "rp", "html", "head", "body",
}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}
ID_REFERENCE_ATTRIBUTES = ("aria-describedby", "aria-labelledby", "aria-controls")


class _PageStructure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.has_doctype = False
        self.html_lang = None
        self.ids = []
        self.headings = []
        self.controls = []  # (id, attrs, inside_label)
        self.label_targets = set()
        self.id_references = []  # (attribute, referenced id)
        self.external_assets = []
        self.nesting_errors = []
        self.open_elements = []
        self._label_depth = 0
        self._heading_text = None

    def handle_decl(self, decl):
        if decl.lower().startswith("doctype html"):
            self.has_doctype = True

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        for name in ID_REFERENCE_ATTRIBUTES:
            for referenced in (attributes.get(name) or "").split():
                self.id_references.append((name, referenced))
        if tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.label_targets.add(attributes["for"])
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag in {"input", "select", "textarea"}:
            if attributes.get("type", "text") not in UNLABELLED_INPUT_TYPES:
                self.controls.append((attributes.get("id"), attributes, self._label_depth > 0))
        self._record_external_asset(tag, attributes)
        if tag not in VOID_ELEMENTS and tag not in OPTIONAL_END_ELEMENTS:
            self.open_elements.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.open_elements and self.open_elements[-1][0] == tag:
            self.open_elements.pop()

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth = max(0, self._label_depth - 1)
        if tag in VOID_ELEMENTS or tag in OPTIONAL_END_ELEMENTS:
            return
        if not self.open_elements or self.open_elements[-1][0] != tag:
            expected = self.open_elements[-1] if self.open_elements else None
            self.nesting_errors.append(
                f"</{tag}> at line {self.getpos()[0]} closes "
                + (f"<{expected[0]}> from line {expected[1][0]}" if expected else "nothing")
            )
            # Recover like a browser: close up to the matching element if there is one.
            for index in range(len(self.open_elements) - 1, -1, -1):
                if self.open_elements[index][0] == tag:
                    del self.open_elements[index:]
                    break
            return
        self.open_elements.pop()

    def _record_external_asset(self, tag, attributes):
        url = None
        if tag == "script":
            url = attributes.get("src")
        elif tag == "link" and {"stylesheet", "preload", "icon", "manifest"} & set(
            (attributes.get("rel") or "").split()
        ):
            url = attributes.get("href")
        elif tag in {"img", "iframe", "source", "video", "audio"}:
            url = attributes.get("src")
        if url and (url.startswith("//") or "://" in url.split("?")[0]):
            self.external_assets.append(f"<{tag}> {url}")


def html_problems(html, *, language="de"):
    parser = _PageStructure()
    parser.feed(html)
    parser.close()
    problems = []
    if not parser.has_doctype:
        problems.append("missing <!DOCTYPE html>")
    if parser.html_lang != language:
        problems.append(f'<html lang="{parser.html_lang}">, expected "{language}"')
    seen = set()
    for element_id in parser.ids:
        if element_id in seen:
            problems.append(f"duplicate id {element_id!r}")
        seen.add(element_id)
    h1_count = parser.headings.count(1)
    if h1_count != 1:
        problems.append(f"{h1_count} <h1> elements, expected exactly one")
    previous = 0
    for level in parser.headings:
        if level > previous + 1:
            problems.append(f"heading level jumps from h{previous} to h{level}")
        previous = level
    for control_id, attributes, inside_label in parser.controls:
        labelled = (
            inside_label
            or (control_id and control_id in parser.label_targets)
            or attributes.get("aria-label")
            or attributes.get("aria-labelledby")
        )
        if not labelled:
            problems.append(f"form control without label: {attributes}")
    for attribute, referenced in parser.id_references:
        if referenced not in seen:
            problems.append(f"{attribute} points to missing id {referenced!r}")
    for target in parser.label_targets:
        if target not in seen:
            problems.append(f"<label for={target!r}> points to a missing id")
    problems.extend(parser.nesting_errors)
    problems.extend(f"unclosed <{tag}> from line {pos[0]}" for tag, pos in parser.open_elements)
    problems.extend(f"third-party asset {asset}" for asset in parser.external_assets)
    return problems

"""The course as a static website, in English and Korean, from the stored notebooks.

    python course.py site                # into build/site/ (open build/site/index.html)
    python -m tools.site --out FOLDER    # the same, into FOLDER

Two Sphinx builds of the settings in ``site/`` (``language="en"`` and
``language="ko"``), each with its own pages, into FOLDER/en and FOLDER/ko, and a
small FOLDER/index.html that offers both. myst-nb renders the notebooks with their stored
outputs; no cell is executed. Every script, style sheet and font is served from
the site itself, so it works on a static host and from a folder without network.

This module is also the Sphinx extension that the settings load: it gives each
build its pages, links every page to its twin in the other language, adds the
notebook download link, draws the Colab badge locally, and reads an image
output's alt text from the output's metadata.
"""

from __future__ import annotations

import argparse
import posixpath
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools.lessons import lessons
from tools.teaching import (
    COLAB_BADGE,
    ROOT,
    copy_font,
    display_outputs,
    github_url,
    image_alt,
    report_missing_alt,
    show_streams_as_printed,
)

SETTINGS = ROOT / "site"


@dataclass(frozen=True)
class Edition:
    """One language of the site: its home page, its lessons, its words, its twin language."""

    language: str
    home: str  # the README the home page is built from
    lessons: str  # the folder of its notebooks
    twin: str
    name: str  # the language's name in itself, on the other edition's link to this one
    title: str
    lessons_caption: str
    copyright: str

    def files(self, source: Path) -> dict[str, str]:
        """Each page's part in the course ("home", "glossary", or a lesson's file name) and its
        file under ``source`` (posix). The glossary is the edition's own where there is one
        (``GLOSSARY.ko.md``)."""
        own = f"GLOSSARY.{self.language}.md"
        found = {"home": self.home, "glossary": own if (source / own).exists() else "GLOSSARY.md"}
        for path in lessons(source / self.lessons):
            found[path.name] = f"{self.lessons}/{path.name}"
        return found

    def pages(self, source: Path) -> dict[str, str]:
        """Each page's part in the course and its document (its file without the suffix)."""
        return {part: file.rsplit(".", 1)[0] for part, file in self.files(source).items()}


EDITIONS = {
    "en": Edition(
        "en", "README.md", "notebooks", "ko", "English", "Keras First Steps", "Lessons",
        "Keras First Steps contributors. Code: MIT; lesson text and figures: CC BY 4.0",
    ),
    "ko": Edition(
        "ko", "README.ko.md", "notebooks/ko", "en", "한국어", "딥러닝 첫걸음", "레슨",
        "Keras First Steps 기여자. 코드는 MIT, 레슨 글과 그림은 CC BY 4.0",
    ),
}  # fmt: skip


def twin_page(docname: str, edition: Edition, source: Path) -> str:
    """The document of ``docname``'s page in the other language."""
    part = {doc: part for part, doc in edition.pages(source).items()}.get(docname)
    return EDITIONS[edition.twin].pages(source)[part] if part else docname  # search, genindex


def page_url(language: str, docname: str, *, start: str) -> str:
    """The link from page ``start`` (``"en/README"``) to ``docname`` of ``language``'s edition."""
    return posixpath.relpath(f"{language}/{docname}.html", posixpath.dirname(start))


# The Sphinx extension ---------------------------------------------------------


def _edition(app) -> Edition:
    return EDITIONS[app.config.language]


def _configure(app, config) -> None:
    """Give the build its language's pages, home page, words and font."""
    edition = EDITIONS[config.language]
    config.include_patterns = list(edition.files(Path(app.srcdir)).values())
    config.root_doc = edition.pages(Path(app.srcdir))["home"]
    config.html_title = edition.title
    config.copyright = edition.copyright
    # The interface's words that Sphinx and the theme leave untranslated (site/locale).
    po = SETTINGS / "locale" / edition.language / "LC_MESSAGES" / "sphinx.po"
    if po.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        mo = Path(app.doctreedir, "locale", edition.language, "LC_MESSAGES", "sphinx.mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source, mo.open("wb") as target:
            write_mo(target, read_po(source))
        app.add_message_catalog("sphinx", str(mo.parents[2]))
    from sphinx.locale import _

    config.html_theme_options = {**config.html_theme_options, "search_bar_text": _("Search...")}


def _add_lesson_list(app, docname: str, source: list[str]) -> None:
    """The home page lists the lessons and the glossary in the side bar (a hidden toctree)."""
    edition = _edition(app)
    if docname != app.config.root_doc:
        return
    pages = edition.pages(Path(app.srcdir))
    listed = [doc for part, doc in pages.items() if part not in ("home", "glossary")]
    source[0] += (
        f"\n\n```{{toctree}}\n:hidden:\n:caption: {edition.lessons_caption}\n\n"
        + "\n".join(f"/{doc}" for doc in [*listed, pages["glossary"]])
        + "\n```\n"
    )


def _printed_streams(app, docname: str, source: list[str]) -> None:
    """A notebook's printed text as the notebook shows it (progress bars redrawn)."""
    if Path(app.env.doc2path(docname)).suffix == ".ipynb":
        import nbformat

        notebook = nbformat.reads(source[0], as_version=4)
        show_streams_as_printed(notebook)
        source[0] = nbformat.writes(notebook)


def _resolve_links(app, doctree) -> None:
    """Links to files that are not pages of this build: the twin edition's pages, or GitHub.

    myst turns a link to a file into a link to its page when the file is a page
    (``.md``, ``.ipynb``) and into a download otherwise; here the pages of the
    other language link to the twin site, and other files (CONTRIBUTING.md,
    LICENSE) to the repository.
    """
    from docutils import nodes
    from sphinx import addnodes

    edition, docname, srcdir = _edition(app), app.env.docname, Path(app.srcdir)
    twin = EDITIONS[edition.twin]
    own = set(edition.pages(srcdir).values())
    twins = {file: file.rsplit(".", 1)[0] for file in twin.files(srcdir).values()}
    here = posixpath.dirname(Path(app.env.doc2path(docname)).relative_to(srcdir).as_posix())

    def myst_link(node) -> bool:
        kinds = (addnodes.pending_xref, addnodes.download_reference)
        return isinstance(node, kinds) and node.get("reftype") == "myst"

    for xref in list(doctree.findall(myst_link)):
        anchor = xref.get("reftargetid") or ""
        if isinstance(xref, addnodes.download_reference):  # a file that is no page
            file = posixpath.normpath(posixpath.join(here, xref["reftarget"]))
        elif xref.get("refdomain") == "doc" and xref["reftarget"] not in own:
            doc = xref["reftarget"]  # a page of the other build, or a file that is no page
            files = [*twins, *(p.relative_to(srcdir).as_posix() for p in srcdir.glob(doc + ".*"))]
            file = next(f for f in files if f.rsplit(".", 1)[0] == doc)
        else:
            continue  # a page of this build, or a missing file: myst links it or warns
        if file in twins:
            url = page_url(twin.language, twins[file], start=f"{edition.language}/{docname}")
        else:
            url = github_url(file)
        url += f"#{anchor}" if anchor else ""
        xref.replace_self(nodes.reference("", "", *xref.children, refuri=url, internal=False))


def _local_colab_badges(doctree) -> None:
    """The Colab badge's picture lives on Colab's server: draw it with the site's own style."""
    from docutils import nodes

    for image in list(doctree.findall(nodes.image)):
        if image["uri"] == COLAB_BADGE:
            badge = nodes.inline("", image.get("alt", "Open in Colab"), classes=["colab-badge"])
            image.replace_self(badge)


def _output_alt_text(app, doctree) -> None:
    """An image output's alt text from the output's metadata (its mime type's "alt")."""
    from docutils import nodes

    if not app.env.doc2path(app.env.docname).suffix == ".ipynb":
        return
    import nbformat

    notebook = nbformat.read(app.env.doc2path(app.env.docname), as_version=4)

    def element(name):
        return lambda node: isinstance(node, nodes.container) and node.get("nb_element") == name

    for cell in doctree.findall(element("cell_code")):
        bundles = list(cell.findall(element("mime_bundle")))
        outputs = display_outputs(notebook.cells[cell["cell_index"]])
        for bundle, output in zip(bundles, outputs, strict=True):
            for container in bundle.children:
                alt = image_alt(output, container["mime_type"])
                for image in container.findall(nodes.image):
                    if alt:
                        image["alt"] = alt


def _read(app, doctree) -> None:
    _resolve_links(app, doctree)
    _local_colab_badges(doctree)
    _output_alt_text(app, doctree)


def _page_links(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """What the page's header shows: its twin in the other language, the notebook to download."""
    edition = _edition(app)
    twin = EDITIONS[edition.twin]
    context["twin_language"] = twin.language
    context["twin_name"] = twin.name
    start = f"{edition.language}/{pagename}"
    twin_doc = twin_page(pagename, edition, Path(app.srcdir))
    context["twin_url"] = page_url(twin.language, twin_doc, start=start)
    source = context.get("sourcename", "")
    context["notebook_url"] = (
        context["pathto"]("_sources/" + source, 1) if source.endswith(".ipynb") else ""
    )


def setup(app):
    app.connect("config-inited", _configure)
    app.connect("source-read", _add_lesson_list)
    app.connect("source-read", _printed_streams)
    app.connect("doctree-read", _read)
    app.connect("html-page-context", _page_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# The build -------------------------------------------------------------------


def build(out: Path, source: Path = ROOT, languages=tuple(EDITIONS)) -> Path:
    """Build the site from the pages under ``source`` into ``out``; return ``out``.

    The languages build side by side, each in its own Sphinx process, in a
    temporary folder (Sphinx's and myst-nb's working files stay there); then each
    replaces its folder in ``out``. A warning (a broken link, say) fails the build.
    """
    with tempfile.TemporaryDirectory() as work:
        builds = {}
        for language in languages:
            command = [
                sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",
                "-c", SETTINGS, "-d", Path(work, "doctrees", language),
                "-D", f"language={language}", source, Path(work, language, "html"),
            ]  # fmt: skip
            builds[language] = subprocess.Popen([str(part) for part in command], cwd=ROOT)
        failed = [language for language, process in builds.items() if process.wait()]
        if failed:
            failed = ", ".join(failed)
            raise SystemExit(f"The site did not build ({failed}): see the warnings above.")
        out.mkdir(parents=True, exist_ok=True)
        for language in languages:
            shutil.rmtree(out / language, ignore_errors=True)
            shutil.copytree(Path(work, language, "html"), out / language)
    if "ko" in languages:
        copy_font(out / "ko" / "_static")  # course.css uses it on the Korean pages
    shutil.copy(SETTINGS / "index.html", out / "index.html")
    (out / ".nojekyll").touch()  # GitHub Pages serves the folders that start with _ as they are
    notebooks = [
        source / page
        for language in languages
        for page in EDITIONS[language].files(source).values()
        if page.endswith(".ipynb")
    ]
    report_missing_alt(notebooks)
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="%(default)s")
    out = build(parser.parse_args(argv).out.resolve())
    print(f"The site is in {out}: open {out / 'index.html'}, or put the folder on a web server.")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Put the course under your own GitHub repository and branch or tag.

    python course.py publish --repo OWNER/NAME --ref REF
    python course.py publish --hub https://hub.example.edu

A teacher who adopts the course pushes it to a repository of their own and
sends learners to a branch or tag of it. Which repository and which ref is
written once, in helpers/__init__.py (REPOSITORY, COURSE_TAG), and repeated
wherever a learner follows it: the Colab badge and the bootstrap cell of every
lesson in both editions, the READMEs, the start pages, pyproject.toml. This
rewrites every copy and nothing else, so publishing the old values again gives
back every file byte for byte. A Korean cell whose translation was up to date
stays so: where its record of the English it translates (the fingerprint, see
tools/translations.py) matched the English before, it is set to the English after.

--hub URL prints, for each lesson of both editions, the nbgitpuller link that
opens it on that JupyterHub (nbgitpuller must be installed on the hub).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import nbformat

from tools.translations import KEY, fingerprint

ROOT = Path(__file__).resolve().parent.parent
GITHUB = "https://github.com/"
# Every form in which the repository (OWNER/NAME) and the ref appear in the
# course's files, longest first: the address alone comes last.
FORMS = (
    "colab.research.google.com/github/{slug}/blob/{ref}/",  # Colab badges
    '"https://github.com/{slug}", "{ref}"',  # bootstrap cells: REPOSITORY, REF = ...
    "https://github.com/{slug}/archive/{ref}.zip",  # start pages: the ZIP
    "--branch {ref} https://github.com/{slug}",  # start pages: git clone
    'COURSE_TAG = "{ref}"',  # helpers/__init__.py
    "https://github.com/{slug}",  # the address alone
)
SLUG = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
REF = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")  # no "/": Colab's links could not tell
HUB = re.compile(r"https?://\S+")


def current(root: Path) -> tuple[str, str]:
    """The repository (OWNER/NAME) and the ref that ``root``'s helpers/__init__.py names."""
    text = (root / "helpers" / "__init__.py").read_text(encoding="utf-8")
    slug = re.search(rf'^REPOSITORY = "{GITHUB}({SLUG.pattern})"$', text, re.MULTILINE)
    ref = re.search(rf'^COURSE_TAG = "({REF.pattern})"$', text, re.MULTILINE)
    if not (slug and ref):
        sys.exit(
            "helpers/__init__.py must name the course as REPOSITORY = "
            f'"{GITHUB}OWNER/NAME" and COURSE_TAG = "REF", one line each'
        )
    return slug.group(1), ref.group(1)


def rewriter(old: tuple[str, str], new: tuple[str, str]) -> Callable[[str], str]:
    """A function that turns every form of ``old`` (OWNER/NAME, ref) in a text into ``new``."""
    olds = [form.format(slug=old[0], ref=old[1]) for form in FORMS]
    news = dict(zip(olds, (form.format(slug=new[0], ref=new[1]) for form in FORMS), strict=True))
    # A form that ends in a name must not match the start of a longer name.
    pattern = re.compile(
        "|".join(re.escape(o) + (r"(?![\w-])" if o[-1].isalnum() else "") for o in olds)
    )
    return lambda text: pattern.sub(lambda match: news[match.group(0)], text)


def course_files(root: Path) -> list[Path]:
    """The files of the course: what git tracks, and new files it does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if listed.returncode:
        sys.exit(f"publish works in a git clone of the course: {listed.stderr.strip()}")
    paths = {root / name for name in listed.stdout.split("\0") if name}
    return sorted(path for path in paths if path.is_file())  # not those deleted but tracked


def publish(root: Path, slug: str, ref: str) -> list[Path]:
    """Name ``slug`` (OWNER/NAME) and ``ref`` wherever the course names its own.

    Returns the files it changed.
    """
    rewrite = rewriter(current(root), (slug, ref))
    changed, notebooks = [], {}
    for path in course_files(root):
        if path.suffix == ".ipynb":
            notebooks[path] = nbformat.read(path, as_version=4)
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:  # not text
            continue
        if rewrite(text) != text:
            path.write_bytes(rewrite(text).encode("utf-8"))
            changed.append(path)
    before = {path: [fingerprint(cell) for cell in nb.cells] for path, nb in notebooks.items()}
    edited = set()
    for path, nb in notebooks.items():
        for cell in nb.cells:
            if rewrite(cell.source) != cell.source:
                cell.source = rewrite(cell.source)
                edited.add(path)
    for path, nb in notebooks.items():  # the Korean cells that were up to date stay so
        english = path.parent.parent / path.name
        if path.parent.name != "ko" or english not in edited:
            continue
        pairs = zip(nb.cells, before[english], notebooks[english].cells, strict=False)
        for cell, old, new in pairs:
            record = cell.metadata.get(KEY, {})
            if record.get("fingerprint") == old and fingerprint(new) != old:
                record["fingerprint"] = fingerprint(new)
                edited.add(path)
    for path in sorted(edited):
        nbformat.write(notebooks[path], path)
    return sorted(changed + list(edited))


def lessons(root: Path) -> list[str]:
    """Every lesson of both editions, as a path in the repository."""
    english = sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    korean = sorted((root / "notebooks" / "ko").glob("[0-9][0-9]_*.ipynb"))
    return [path.relative_to(root).as_posix() for path in english + korean]


def hub_link(hub: str, slug: str, ref: str, lesson: str) -> str:
    """The nbgitpuller link that fetches ``slug`` at ``ref`` and opens ``lesson`` in JupyterLab.

    The form of nbgitpuller's own link generator: the repository's folder name
    starts the path that JupyterLab opens, since nbgitpuller clones into it.
    """
    query = {
        "repo": GITHUB + slug,
        "branch": ref,
        "urlpath": f"lab/tree/{slug.split('/')[1]}/{lesson}",
    }
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{urlencode(query)}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python course.py publish",
        description="Name your own GitHub repository and branch or tag in every Colab badge, "
        "bootstrap cell and link of the course; print JupyterHub links.",
    )
    parser.add_argument("--repo", metavar="OWNER/NAME", help="your GitHub repository")
    parser.add_argument("--ref", metavar="REF", help="the branch or tag learners get, e.g. main")
    parser.add_argument("--hub", metavar="URL", help="print each lesson's nbgitpuller link")
    args = parser.parse_args(argv)
    if not (args.repo or args.ref or args.hub):
        parser.error("give --repo OWNER/NAME and --ref REF, or --hub URL")
    old_slug, old_ref = current(ROOT)
    slug, ref = args.repo or old_slug, args.ref or old_ref
    if not SLUG.fullmatch(slug):
        parser.error(f"--repo must be OWNER/NAME, as in {GITHUB}OWNER/NAME; got {slug!r}")
    if not REF.fullmatch(ref):
        parser.error(f"--ref must be a branch or tag name without '/' (main, v1.0); got {ref!r}")
    if args.hub and not HUB.fullmatch(args.hub):
        parser.error(f"--hub must be the hub's address, https://...; got {args.hub!r}")
    if (slug, ref) == (old_slug, old_ref):
        print(f"The course already names {GITHUB}{slug} at {ref}: nothing to rewrite.")
    else:
        changed = publish(ROOT, slug, ref)
        print(f"The course now names {GITHUB}{slug} at {ref} ({len(changed)} files rewritten):")
        for path in changed:
            print(f"  {path.relative_to(ROOT).as_posix()}")
        print(
            f"Commit them and push to {GITHUB}{slug}, where {ref} must exist (a branch, or a tag:"
            f" git tag {ref} && git push origin {ref}). Learners can fetch it only if the"
            " repository is public."
        )
    if args.hub:
        print(f"\nnbgitpuller links that open each lesson on {args.hub}:")
        for lesson in lessons(ROOT):
            print(f"{lesson}\n  {hub_link(args.hub, slug, ref, lesson)}")
        print(
            "nbgitpuller updates a learner's copy from the branch on each later click: give it a"
            " branch; with a tag the first click works and later ones fail."
        )


if __name__ == "__main__":
    main(sys.argv[1:])

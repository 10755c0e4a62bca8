"""The Colab bootstrap cell (every lesson's first code cell), run as on Colab.

Each test runs the cell in a fresh Python with ``google.colab`` faked, a
temporary folder in place of /content, and git pointed at local repositories:
one with two tags, and addresses or tags that do not exist.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"en": ROOT / "notebooks", "ko": ROOT / "notebooks" / "ko"}
FOLDER = '"/content/keras-first-steps"'  # where the cell puts the course on Colab
FAKE_COLAB = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n"
# The first words of the cell's message when git fails, in each edition's language.
FAILED = {"en": "Could not fetch the course", "ko": "강좌를 내려받지 못했습니다"}


def bootstraps(edition: str) -> list[str]:
    lessons = sorted(EDITIONS[edition].glob("[0-9][0-9]_*.ipynb"))
    return [nbformat.read(path, as_version=4).cells[1].source for path in lessons]


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> str:
    """A local repository with the tags v1 and v2; its file:// address."""
    repo = tmp_path_factory.mktemp("origin")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    for tag in ("v1", "v2"):
        (repo / "VERSION").write_text(tag)
        subprocess.run([*git, "add", "VERSION"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", tag], check=True)
        subprocess.run([*git, "tag", tag], check=True)
    return repo.as_uri()


def run_cell(edition: str, folder: Path, repository: str, ref: str, *, colab: bool = True):
    """Run the edition's bootstrap cell with these values in place of the course's own."""
    source = bootstraps(edition)[0]
    for old, new in (
        (helpers.REPOSITORY, repository),
        (f'"{helpers.COURSE_TAG}"', f'"{ref}"'),
        (FOLDER, json.dumps(str(folder))),
    ):
        assert source.count(old) == 1, f"the bootstrap cell should name {old} once"
        source = source.replace(old, new)
    return subprocess.run(
        [sys.executable, "-c", (FAKE_COLAB if colab else "") + source],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_lesson_of_an_edition_has_the_same_bootstrap_cell(edition):
    cells = bootstraps(edition)
    assert len(cells) == len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    assert len(set(cells)) == 1, f"the {edition} lessons' bootstrap cells differ: copy lesson 00's"


@pytest.mark.parametrize("edition", EDITIONS)
def test_outside_colab_the_cell_does_nothing(edition, origin, tmp_path):
    folder = tmp_path / "keras-first-steps"
    run = run_cell(edition, folder, origin, "v1", colab=False)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert not folder.exists()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_cell_says_what_it_fetches_reuses_that_copy_and_replaces_one_of_another_ref(
    edition, origin, tmp_path
):
    folder = tmp_path / "keras-first-steps"
    first = run_cell(edition, folder, origin, "v1")
    assert first.returncode == 0, first.stderr
    assert f"{origin}, v1" in first.stdout and first.stderr == ""
    assert (folder / "VERSION").read_text() == "v1"

    (folder / "learner's file").write_text("kept while the ref stays the same")
    again = run_cell(edition, folder, origin, "v1")
    assert again.returncode == 0, again.stderr
    assert f"{origin}, v1" in again.stdout and again.stdout != first.stdout  # says it reuses
    assert (folder / "learner's file").exists()

    other = run_cell(edition, folder, origin, "v2")
    assert other.returncode == 0, other.stderr
    assert other.stdout == first.stdout.replace("v1", "v2")  # fetches again, and says so
    assert (folder / "VERSION").read_text() == "v2"
    assert not (folder / "learner's file").exists(), "the copy of v1 should have been replaced"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("wrong", ["address", "tag"])
def test_a_failed_fetch_says_what_was_tried_and_what_to_do_without_a_traceback(
    edition, wrong, origin, tmp_path
):
    folder = tmp_path / "keras-first-steps"
    repository = (tmp_path / "no-such-repository").as_uri() if wrong == "address" else origin
    ref = "v9" if wrong == "tag" else "v1"
    run = run_cell(edition, folder, repository, ref)
    assert run.returncode == 1  # SystemExit with a message: the notebook stops there
    assert "Traceback" not in run.stdout + run.stderr
    tried, reason, *advice = run.stderr.strip().split("\n")
    assert tried == f"{FAILED[edition]}: {repository}, {ref}"
    assert "fatal: " in run.stderr, "git's own reason should follow"
    assert ref in advice[-1], "the message should end by saying what to check"
    assert not (folder / ".course-ref").exists(), "a failed fetch must not look fetched"
    retry = run_cell(edition, folder, origin, "v1")  # e.g. once the teacher fixed the link
    assert retry.returncode == 0 and (folder / "VERSION").read_text() == "v1"

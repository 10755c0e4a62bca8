"""python course.py publish: the course under another repository and ref, and back again."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest

import course
import helpers
from tools import publish

ROOT = Path(__file__).resolve().parent.parent
SLUG = helpers.REPOSITORY.removeprefix(publish.GITHUB)
# Made up, and written nowhere else in the course: publishing back must not meet it.
ELSEWHERE = ("a-teacher/deep-learning-2026", "spring-term")


def korean_problems(root: Path) -> list[str]:
    """What tools/translations.py reports about the Korean lessons of the course at ``root``."""
    run = subprocess.run(
        [sys.executable, str(root / "tools" / "translations.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.splitlines()


def snapshot(root: Path) -> dict[Path, bytes]:
    return {path.relative_to(root): path.read_bytes() for path in publish.course_files(root)}


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the course's files (what git tracks, and new files it does not ignore)."""
    root = tmp_path / "course"
    for path in publish.course_files(ROOT):
        target = root / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def cells_naming(nb, slug: str) -> list[int]:
    return [i for i, cell in enumerate(nb.cells) if slug in cell.source]


def test_publish_names_the_new_repository_everywhere_changes_nothing_else_and_goes_back(copy):
    original = snapshot(copy)
    problems = korean_problems(copy)
    slug, ref = ELSEWHERE

    changed = publish.publish(copy, slug, ref)

    assert publish.current(copy) == ELSEWHERE
    after = snapshot(copy)
    differ = {path for path in original if after[path] != original[path]}
    assert differ == {path.relative_to(copy) for path in changed}
    named = {path for path, data in original.items() if SLUG.encode() in data}
    assert differ == named, "publish should change exactly the files that name the repository"
    left = [path for path, data in after.items() if SLUG.encode() in data]
    assert not left, f"still naming {SLUG}: {left}"
    left = [path for path in differ if helpers.COURSE_TAG.encode() in after[path]]
    assert not left, f"still naming {helpers.COURSE_TAG} beside the new repository: {left}"

    lessons = publish.lessons(copy)
    assert len(lessons) == 2 * len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    for lesson in lessons:
        old = nbformat.reads(original[Path(lesson)].decode("utf-8"), as_version=4)
        new = nbformat.read(copy / lesson, as_version=4)
        assert cells_naming(old, SLUG) == [0, 1], f"{lesson}: the badge and bootstrap cells"
        badge = f"https://colab.research.google.com/github/{slug}/blob/{ref}/{lesson})"
        assert badge in new.cells[0].source
        assert f'REPOSITORY, REF = "{publish.GITHUB}{slug}", "{ref}"' in new.cells[1].source
        for number, (before, now) in enumerate(zip(old.cells, new.cells, strict=True)):
            if number > 1:
                assert before == now, f"{lesson} cell {number + 1} should not change"
            else:
                assert before.get("outputs") == now.get("outputs") and before.id == now.id
    for readme, folder in (("README.md", "notebooks"), ("README.ko.md", "notebooks/ko")):
        text = (copy / readme).read_text(encoding="utf-8")
        for lesson in (lesson for lesson in lessons if lesson.rpartition("/")[0] == folder):
            assert f"colab.research.google.com/github/{slug}/blob/{ref}/{lesson})" in text

    assert korean_problems(copy) == problems, "publish must leave the Korean lessons as in step"

    publish.publish(copy, SLUG, helpers.COURSE_TAG)
    assert snapshot(copy) == original, "publishing the old values should restore every byte"


def test_publish_refuses_text_it_cannot_read_and_a_second_run_changes_nothing(copy):
    slug, ref = ELSEWHERE
    assert publish.publish(copy, slug, ref)
    assert publish.publish(copy, slug, ref) == [], "publishing the same values twice is a no-op"
    (copy / "helpers" / "__init__.py").write_text("REPOSITORY = 'elsewhere'\n")
    with pytest.raises(SystemExit, match="helpers/__init__.py must name the course"):
        publish.current(copy)


def test_the_jupyterhub_link_has_nbgitpullers_form():
    link = publish.hub_link(
        "https://hub.example.edu/", "another-teacher/ml-intro", "week-1",
        "notebooks/ko/05_fit.ipynb",
    )  # fmt: skip
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https", "hub.example.edu", "/hub/user-redirect/git-pull",
    )  # fmt: skip
    assert parse_qs(parts.query, strict_parsing=True) == {
        "repo": ["https://github.com/another-teacher/ml-intro"],
        "branch": ["week-1"],
        # JupyterLab opens a path under the folder that nbgitpuller clones into
        "urlpath": ["lab/tree/ml-intro/notebooks/ko/05_fit.ipynb"],
    }


def test_hub_prints_a_link_for_every_lesson_of_both_editions(capsys):
    publish.main(["--hub", "https://hub.example.edu"])  # the course's own values: no rewrite
    out = capsys.readouterr().out
    assert "nothing to rewrite" in out
    for lesson in publish.lessons(ROOT):
        assert publish.hub_link("https://hub.example.edu", SLUG, helpers.COURSE_TAG, lesson) in out


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        ([], "give --repo OWNER/NAME and --ref REF, or --hub URL"),
        (["--repo", "https://github.com/a/b"], "--repo must be OWNER/NAME"),
        (["--ref", "feature/x"], "--ref must be a branch or tag name without '/'"),
        (["--hub", "hub.example.edu"], "--hub must be the hub's address"),
    ],
)
def test_publish_refuses_bad_arguments_with_a_clear_message(argv, complaint, capsys):
    with pytest.raises(SystemExit) as stop:
        publish.main(argv)
    assert stop.value.code == 2
    assert complaint in capsys.readouterr().err


def test_course_py_passes_publishs_options_on():
    args = course.parse_args(["publish", "--repo", "a/b", "--ref", "main", "--hub", "https://h"])
    assert args.tool_args == ["--repo", "a/b", "--ref", "main", "--hub", "https://h"]

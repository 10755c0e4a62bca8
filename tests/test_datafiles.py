"""Tests for helpers.datafiles and the files in datasets/: checksums, datasheet, restore hints."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import shutil
from pathlib import Path

import pytest

import helpers.datafiles as datafiles
from helpers.data import DATASETS, load_auto_mpg, load_iris
from helpers.i18n import set_language

FOLDER = Path(__file__).resolve().parent.parent / "datasets"
#: Bundled file -> its loader, as the registry says.
FILES = {entry.file: entry.load for entry in DATASETS.values() if entry.file is not None}
#: Bundled files no loader reads: lesson 11 reads them with plain pandas.
READ_BY_HAND = ("penguins.csv",)
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def read_sums() -> dict[str, str]:
    lines = (FOLDER / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of datasets/ that the loaders read instead of the real one."""
    copy = tmp_path / "datasets"
    shutil.copytree(FOLDER, copy)
    monkeypatch.setattr(datafiles, "DATA_DIR", copy)
    return copy


# ---------------------------------------------------- files and checksums ---


def test_sha256sums_match_the_files():
    sums = read_sums()
    assert sorted(sums) == sorted([*FILES, *READ_BY_HAND])
    for name, digest in sums.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_every_data_file_is_listed_in_sha256sums():
    not_data = {"README.md", "export.py", "SHA256SUMS", ".gitattributes"}
    present = {p.name for p in FOLDER.iterdir() if p.is_file() and p.name not in not_data}
    assert present == set(read_sums())


def test_datasheet_lists_the_same_checksums():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for name, digest in read_sums().items():
        rows = [line for line in readme.splitlines() if digest in line]
        assert rows and all(f"`{name}`" in row for row in rows), name
    assert set(re.findall(r"\b[0-9a-f]{64}\b", readme)) == set(read_sums().values())


def test_datasheet_covers_every_file_and_the_essentials():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for name in [*FILES, *READ_BY_HAND]:
        assert f"## {name}" in readme
    for phrase in ("Licence", "Cite", "Boston", "0 = malignant", "500 of each digit"):
        assert phrase in readme, phrase


@pytest.mark.parametrize("name", list(FILES))
def test_altered_file_raises_with_restore_hint(data_copy, name):
    path = data_copy / name
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # flip one bit in the middle
    path.write_bytes(bytes(raw))
    message = rf"datasets/{re.escape(name)} has been altered.*git checkout -- datasets/{name}"
    with pytest.raises(ValueError, match=message):
        FILES[name]()


@pytest.mark.parametrize("name", list(FILES))
def test_missing_file_raises_with_restore_hint(data_copy, name):
    (data_copy / name).unlink()
    message = rf"datasets/{re.escape(name)} is missing.*git checkout -- datasets/{name}"
    with pytest.raises(FileNotFoundError, match=message):
        FILES[name]()


def test_missing_checksum_list_raises(data_copy):
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(FileNotFoundError, match="datasets/SHA256SUMS is missing"):
        load_iris()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda sums: sums.replace("iris.csv", "iris.cvs"), r"SHA256SUMS has no line for iris.csv"),
        (lambda sums: sums + "not a checksum\n", r"SHA256SUMS is damaged: line 6 \('not a check"),
        (lambda sums: sums.replace("01245346", "0124534"), r"damaged: line 3 \('0124534"),
        (lambda sums: "\xff\x00" + sums, r"SHA256SUMS is damaged: line 1 "),
    ],
)
def test_damaged_checksum_list_blames_itself(data_copy, damage, message):
    sums = data_copy / "SHA256SUMS"
    sums.write_text(damage(sums.read_text(encoding="utf-8")), encoding="latin-1")
    with pytest.raises(ValueError, match=message + ".*git checkout -- datasets/SHA256SUMS"):
        load_iris()


def test_unreadable_file_says_so(monkeypatch):
    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", denied)  # chmod does not stop root
    message = r"datasets/iris.csv exists but you may not read it.*chmod u\+r datasets/iris.csv"
    with pytest.raises(PermissionError, match=message) as error:
        load_iris()
    assert isinstance(error.value.__cause__, PermissionError)


def test_the_penguins_table_is_the_one_lesson_11_describes():
    import pandas as pd

    penguins = pd.read_csv(io.BytesIO(datafiles.verified_bytes("penguins.csv")))
    assert penguins.shape == (344, 8)
    assert penguins["species"].value_counts().to_dict() == {
        "Adelie": 152, "Gentoo": 124, "Chinstrap": 68,
    }  # fmt: skip
    measured = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    assert len(penguins.dropna(subset=measured)) == 342
    assert penguins["sex"].isna().sum() == 11


def test_untouched_copy_loads(data_copy):
    x, _ = load_iris()
    assert x.shape == (150, 4)


# ---------------------------------- the export (maintainers' extras only) ---


def test_fresh_export_matches_the_committed_files(tmp_path, capsys):
    pytest.importorskip("sklearn")
    pytest.importorskip("mlxtend")
    spec = importlib.util.spec_from_file_location("export", FOLDER / "export.py")
    export = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export)
    export.main(["--out-dir", str(tmp_path)])
    for name in [*FILES, *READ_BY_HAND, "SHA256SUMS"]:
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


# ------------------------------------------------------------------ Korean ---


def test_missing_and_altered_files_are_explained_in_korean_and_english_again(data_copy):
    set_language("ko")
    (data_copy / "iris.csv").unlink()
    with pytest.raises(FileNotFoundError) as missing:
        load_iris()
    message = str(missing.value)
    assert HANGUL.search(message) and "datasets/iris.csv" in message
    assert str(data_copy) in message and "`git checkout -- datasets/iris.csv`" in message
    path = data_copy / "auto_mpg.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(ValueError, match="datasets/auto_mpg.csv: 내용이 바뀌었습니다"):
        load_auto_mpg()
    set_language("en")
    with pytest.raises(FileNotFoundError, match=r"datasets/iris.csv is missing \(looked in"):
        load_iris()

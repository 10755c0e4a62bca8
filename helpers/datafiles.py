"""The files bundled in ``datasets/``: where they are, and reading them verified.

Every read checks the file against ``datasets/SHA256SUMS`` first, so a missing
or altered file (or a damaged checksum list) fails with a message that says how
to restore it, instead of training on the wrong numbers. The loaders of
:mod:`helpers.data` read through :func:`verified_bytes` and :func:`read_csv`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np

from helpers.i18n import _

__all__ = ["DATA_DIR", "read_csv", "verified_bytes"]

#: Where the bundled files live: ``datasets/`` in your copy of the course.
DATA_DIR = Path(__file__).resolve().parent.parent / "datasets"


def _restore_hint(name: str) -> str:
    return _(
        "Restore it with `git checkout -- datasets/{name}` in your copy of the course, "
        "or clone the course again (the helpers must be used from that clone, "
        "e.g. after `pip install -e .`)."
    ).format(name=name)


def _read_bundled(name: str) -> bytes:
    """The bytes of ``DATA_DIR / name``, or a message that says why they can't be read."""
    path = DATA_DIR / name
    if not path.is_file():
        missing = _("The bundled file datasets/{name} is missing (looked in {folder}).")
        raise FileNotFoundError(
            missing.format(name=name, folder=DATA_DIR) + " " + _restore_hint(name)
        )
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise PermissionError(
            _(
                "The bundled file datasets/{name} exists but you may not read it "
                "(permission denied in {folder}). Give yourself read access, e.g. "
                "`chmod u+r datasets/{name}`, or clone the course again."
            ).format(name=name, folder=DATA_DIR)
        ) from error


def _expected_digests() -> dict[str, str]:
    """File name -> sha256 as listed in ``SHA256SUMS`` (``sha256sum``'s format)."""
    text = _read_bundled("SHA256SUMS").decode("utf-8", errors="replace")
    expected = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = re.fullmatch(r"([0-9a-fA-F]{64})\s+\*?(\S.*)", line.strip())
        if match is None:
            damaged = _(
                "The checksum list datasets/SHA256SUMS is damaged: line {number} "
                "({line}) is not a sha256 followed by a file name."
            ).format(number=number, line=repr(line[:60]))
            raise ValueError(damaged + " " + _restore_hint("SHA256SUMS"))
        expected[match[2]] = match[1].lower()
    return expected


def verified_bytes(name: str) -> bytes:
    """The bytes of ``DATA_DIR / name`` after checking them against ``SHA256SUMS``.

    Args:
        name: a file name listed in ``datasets/SHA256SUMS``, e.g. ``"iris.csv"``.

    Raises:
        FileNotFoundError: the file or the checksum list is missing.
        PermissionError: it cannot be read.
        ValueError: it was altered, or the checksum list is damaged or lacks it.
    """
    raw = _read_bundled(name)
    expected = _expected_digests()
    if name not in expected:
        unlisted = _(
            "The checksum list datasets/SHA256SUMS has no line for {name}, so the file "
            "cannot be checked."
        ).format(name=name)
        raise ValueError(unlisted + " " + _restore_hint("SHA256SUMS"))
    if hashlib.sha256(raw).hexdigest() != expected[name]:
        altered = _(
            "The bundled file datasets/{name} has been altered: its sha256 does not "
            "match datasets/SHA256SUMS."
        ).format(name=name)
        raise ValueError(altered + " " + _restore_hint(name))
    return raw


def read_csv(
    name: str, x_columns: tuple[str, ...], y_column: str, y_dtype: type
) -> tuple[np.ndarray, np.ndarray]:
    """Read the named columns of a bundled CSV file (header row, then numbers), verified.

    Returns ``x`` float32 with one row per sample and ``y`` of ``y_dtype``.
    """
    header, *rows = verified_bytes(name).decode("utf-8").splitlines()
    columns = header.split(",")
    x = np.loadtxt(
        rows, delimiter=",", comments=None, ndmin=2, dtype=np.float32,
        usecols=[columns.index(column) for column in x_columns],
    )  # fmt: skip
    y = np.loadtxt(
        rows, delimiter=",", comments=None, dtype=y_dtype, usecols=columns.index(y_column)
    )
    return x, y

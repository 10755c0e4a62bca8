"""Re-execute course notebooks in place, the only way their stored outputs are written.

    python course.py refresh notebooks/05_fit.ipynb

runs this file in the course's virtual environment. Each notebook is cleared,
executed top to bottom on a fresh kernel (as "Restart kernel and run all"
would), and saved with minimal metadata. Cells tagged ``raises-exception`` may
raise; any other error stops the refresh and leaves the file untouched.

A cell tagged ``check`` (a check cell: the asserts that keep a lesson's claims
true) is stored collapsed: its code hidden in JupyterLab (``source_hidden``) and
shown as a form in Colab (``cellView``, with the cell's ``#@title`` line).

After a refresh, helpers/recorded_with.json names the TensorFlow and Keras it ran
with: a learner's environment report says when theirs differ.

Widget views are dropped from stored outputs (their text form is kept): the
widget models die with the kernel, and an orphaned view shows "Error
displaying widget" when the notebook is opened before it is run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers.environment import RECORDED_WITH, numeric_versions, quiet_tensorflow  # noqa: E402
from tools.lessons import CHECK_TAG  # noqa: E402 - after the path is set as a script

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CELL_METADATA_KEPT = ("tags", "translation")  # translation: see tools/translations.py
#: How a check cell is stored: collapsed in JupyterLab, a form in Colab.
CHECK_CELL_METADATA = {"jupyter": {"source_hidden": True}, "cellView": "form"}


def tidy(nb: nbformat.NotebookNode) -> None:
    """Keep only the metadata a notebook needs to open with the right kernel."""
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    )
    for cell in nb.cells:
        kept = {k: v for k, v in cell.metadata.items() if k in CELL_METADATA_KEPT}
        if CHECK_TAG in kept.get("tags", []):
            kept.update(CHECK_CELL_METADATA)
        cell.metadata = nbformat.from_dict(kept)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
        if "outputs" in cell:
            cell.outputs = merged_streams(cell.outputs)


def merged_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks into one output, as a notebook shows them.

    How a kernel splits a cell's printing into messages depends on timing, so
    without this a refresh would change the file even when nothing changed.
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            merged.append(output)
    return merged


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    client.execute()
    tidy(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)


def record_versions() -> None:
    """Write the versions the outputs were just recorded with (the kernel runs in this
    environment) into helpers/recorded_with.json."""
    quiet_tensorflow()
    text = json.dumps(numeric_versions(), indent=1) + "\n"
    RECORDED_WITH.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[0] != "refresh":
        sys.exit("usage: tools/notebooks.py refresh NOTEBOOK.ipynb [...]")
    for name in argv[1:]:
        path = Path(name)
        if path.suffix != ".ipynb" or not path.is_file():
            sys.exit(
                f"Not a notebook file: {name} (give a path such as notebooks/00_start_here.ipynb)"
            )
        print(f"Refreshing {path.name} ...", flush=True)
        refresh(path)
    record_versions()


if __name__ == "__main__":
    main(sys.argv[1:])

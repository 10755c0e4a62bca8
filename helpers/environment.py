"""The first code cell of every notebook: a quiet, repeatable set-up.

``setup_notebook()`` silences TensorFlow's start-up log lines, seeds every
random generator, turns on deterministic operations, shortens error messages
to their last line, and prints a short report of the environment with advice
when something is off.

Nothing here runs at import time: call the function.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from helpers.checks import random_seed, true_or_false
from helpers.i18n import _, ngettext, set_language

# Both must be in the environment before TensorFlow loads. Level 3 keeps even
# C++ "E" lines off stderr: TensorFlow 2.21 logs a harmless "NodeDef mentions
# attribute use_unbounded_threadpool" error on every fit. Real failures still
# reach you as Python exceptions. oneDNN is off unless you chose otherwise: a
# TF_ENABLE_ONEDNN_OPTS already in the environment is kept (the portability
# check of `python course.py test` turns it on to change the matrix kernels).
LOG_LEVEL = ("TF_CPP_MIN_LOG_LEVEL", "3")
ONEDNN_DEFAULT = ("TF_ENABLE_ONEDNN_OPTS", "0")

#: The oldest versions that work: the lower bounds of pyproject.toml (a test checks).
MINIMUM = {"Python": "3.10", "TensorFlow": "2.16", "Keras": "3.3", "ipywidgets": "7.6"}
#: The versions of the libraries that decide trained numbers with which the lessons'
#: stored outputs were recorded: written by the refresh (tools/notebooks.py).
RECORDED_WITH = Path(__file__).with_name("recorded_with.json")


def numeric_versions() -> dict[str, str]:
    """This computer's versions of the libraries that decide trained numbers."""
    import keras
    import tensorflow as tf

    return {"TensorFlow": tf.__version__, "Keras": keras.__version__}


def recorded_with() -> dict[str, str]:
    """The :func:`numeric_versions` the stored outputs were recorded with."""
    return json.loads(RECORDED_WITH.read_text(encoding="utf-8"))


@contextmanager
def silenced_stderr_fd() -> Iterator[None]:
    """Send file descriptor 2 to the null device for the duration of the block.

    TensorFlow's GPU probe writes lines such as "Could not find cuda drivers"
    straight to file descriptor 2 before its log settings apply, so no
    environment variable hides them; Jupyter would store them as stderr.
    Python exceptions are unaffected: they are raised, not written to fd 2.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def quiet_tensorflow() -> bool:
    """Import TensorFlow and Keras without their start-up lines on stderr.

    The one quiet start that notebooks (through :func:`setup_notebook`), the
    benchmarks and the tests share. Returns True when TensorFlow had already
    been imported without these settings, so its messages were shown already.
    """
    name, level = LOG_LEVEL
    loaded_loudly = "tensorflow" in sys.modules and os.environ.get(name) != level
    os.environ[name] = level
    os.environ.setdefault(*ONEDNN_DEFAULT)
    with silenced_stderr_fd():
        import keras  # noqa: F401 - imported here, quietly, for whoever imports it next
        import tensorflow as tf

        tf.config.list_physical_devices("GPU")  # the probe that writes to fd 2
    return loaded_loudly


@dataclass(frozen=True)
class EnvironmentReport:
    """What :func:`check_environment` found. ``advice`` is empty when all is well."""

    versions: dict[str, str | None]
    gpus: int
    on_colab: bool
    advice: list[str] = field(default_factory=list)
    #: The recording's versions when this computer's differ (see :data:`RECORDED_WITH`).
    recorded: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        lines = [_("Environment check")]
        missing = _("not installed")
        for name, version in self.versions.items():
            lines.append(f"  {name:<11} {version or missing}")
        place = "Google Colab" if self.on_colab else _("this computer")
        device = (
            ngettext("{count} GPU", "{count} GPUs", self.gpus).format(count=self.gpus)
            if self.gpus
            else "CPU"
        )
        # Translators: the label is padded to line up with the version lines above it.
        lines.append("  " + _("Running on  {place} ({device})").format(place=place, device=device))
        if self.recorded:
            versions = ", ".join(f"{name} {version}" for name, version in self.recorded.items())
            # Translators: one line, kept whole: the notebook checks remove it by its start.
            note = _(
                "Recorded with {versions}: with your versions the last digits of trained "
                "numbers may differ from the stored outputs (the same sums, added in another "
                "order); the lessons' checks allow for that."
            )
            lines.append("  " + note.format(versions=versions))
        if self.advice:
            lines += [_("Advice:")] + [f"  - {tip}" for tip in self.advice]
        else:
            lines.append(_("All good: you are ready to start."))
        return "\n".join(lines)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _at_least(version: str | None, minimum: str) -> bool:
    if version is None:
        return False
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts) >= tuple(int(p) for p in minimum.split("."))


def check_environment() -> EnvironmentReport:
    """Report Python, TensorFlow, Keras and ipywidgets versions, GPUs and Colab.

    Imports TensorFlow (to count GPUs), so call :func:`setup_notebook` first if
    you want a quiet start.

    Example::

        >>> print(check_environment())  # doctest: +SKIP
        Environment check
          Python      3.11.7
          ...
    """
    import tensorflow as tf

    versions = {
        "Python": platform.python_version(),
        "TensorFlow": tf.__version__,
        "Keras": _version("keras"),
        "ipywidgets": _version("ipywidgets"),
    }
    on_colab = "google.colab" in sys.modules
    advice = []
    for name, version in versions.items():
        if not _at_least(version, MINIMUM[name]):
            needed = (
                _("{name} {minimum} or newer is needed (found {found}): install a newer Python.")
                if name == "Python"
                else _(
                    "{name} {minimum} or newer is needed (found {found}): "
                    'run  pip install -U "{package}>={minimum}"  then restart.'
                )
            )
            advice.append(
                needed.format(
                    name=name,
                    minimum=MINIMUM[name],
                    found=version or _("none"),
                    package=name.lower(),
                )
            )
    if on_colab and _at_least(versions["ipywidgets"], "8.0"):
        advice.append(
            _(
                "Colab's widgets work best with the ipywidgets it ships (7.7): "
                "if the playground shows 'Error displaying widget', use Runtime > "
                "Disconnect and delete runtime to go back to it."
            )
        )
    gpus = len(tf.config.list_physical_devices("GPU"))
    recorded = recorded_with()
    differ = numeric_versions() != recorded
    return EnvironmentReport(
        versions=versions,
        gpus=gpus,
        on_colab=on_colab,
        advice=advice,
        recorded=recorded if differ else {},
    )


def setup_notebook(*, seed: int = 42, short_errors: bool = True, language: str = "en") -> None:
    """Prepare a notebook: language, quiet TensorFlow, seeds, determinism, environment report.

    Run it in the first code cell, before anything imports TensorFlow or Keras.

    Args:
        seed: seeds Python's, NumPy's and TensorFlow's random generators, so the
            notebook prints the same numbers every time it runs on this computer;
            a whole number from 0 to 2**32 - 1.
        short_errors: True (or False) shows only the last line of an error (type
            and message), the part a learner needs; ``%xmode Context`` brings full
            tracebacks back.
        language: "en" (English) or "ko" (한국어): the language of the helpers'
            messages, exercise feedback, playground and figures (see
            :func:`helpers.i18n.set_language`, which switches it later).

    Example::

        >>> setup_notebook()  # doctest: +SKIP
        Environment check
          ...
        All good: you are ready to start.
    """
    set_language(language)  # first, so that even a refused seed is explained in that language
    seed = random_seed("seed", seed)
    short_errors = true_or_false("short_errors", short_errors)
    loaded_loudly = quiet_tensorflow()
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()

    if short_errors:
        try:
            from IPython import get_ipython
        except ImportError:  # plain Python: nothing to shorten
            get_ipython = None
        shell = get_ipython() if get_ipython else None
        if shell is not None:
            shell.InteractiveTB.set_mode(mode="Minimal")

    report = check_environment()
    if loaded_loudly:
        report.advice.append(
            _(
                "TensorFlow was imported before setup_notebook(), so its start-up "
                "messages were not silenced: restart the kernel and run this cell first."
            )
        )
    print(report)
    seeded = _("Random seed {seed}: results repeat from run to run on this computer.")
    print(seeded.format(seed=seed))

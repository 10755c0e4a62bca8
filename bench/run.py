"""Measure the live plot and the playground against their speed targets.

Run from the repository root (no Jupyter needed)::

    .venv/bin/python bench/run.py            # or: python course.py bench
    .venv/bin/python bench/run.py --reps 9   # more repetitions, steadier medians

It prints the machine, then (a) the overhead of ``LivePlot`` and of
livelossplot's ``PlotLossesKeras`` over a plain 20-epoch ``fit(verbose=0)``,
and (b) the playground's Train click -> first plotted point and complete
50-epoch iris run, the way the playground trained before its warm-up and the
way it trains now. Every figure is the median of ``--reps`` repetitions,
interleaved so that background load hits all variants alike.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # works without `pip install -e .`

from machine import load_average, machine, verdict, versions  # noqa: E402

from helpers.environment import quiet_tensorflow  # noqa: E402

TARGET_OVERHEAD = 0.05  # LivePlot: at most 5% over a plain fit
TARGET_VS_LIVELOSSPLOT = 1 / 5  # ... and under a fifth of livelossplot's overhead
TARGET_FIRST_POINT = 0.5  # seconds from Train click to the first plotted point
TARGET_RUN = 1.5  # seconds from Train click to a finished 50-epoch iris run


def with_timer(callback):
    """Give ``callback`` a ``spent`` total of the seconds its epoch-level hooks take."""

    def timer(original: Callable) -> Callable:
        def timed_hook(*args, **kwargs):
            started = time.perf_counter()
            original(*args, **kwargs)
            callback.spent += time.perf_counter() - started

        return timed_hook

    callback.spent = 0.0
    for hook in ("on_train_begin", "on_epoch_end", "on_train_end"):
        setattr(callback, hook, timer(getattr(callback, hook)))
    return callback


def render_and_close_figures(*args: object, **kwargs: object) -> None:
    """What ``plt.show()`` does in a notebook (matplotlib-inline): render PNGs, close."""
    import matplotlib.pyplot as plt

    for number in plt.get_fignums():
        figure = plt.figure(number)
        figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    plt.close("all")


def bench_overhead(reps: int) -> None:
    import ipywidgets
    import keras

    from helpers.curves import curves_svg
    from helpers.data import load_iris
    from helpers.live import LivePlot

    try:
        import matplotlib.pyplot as plt
        from livelossplot import PlotLossesKeras
    except ImportError:
        PlotLossesKeras = None  # a dev-only dependency: pip install -e ".[dev]"
    else:
        plt.show = render_and_close_figures

    (x_train, y_train), validation = load_iris(test_fraction=0.3)
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    x_train, validation = (x_train - mean) / std, ((validation[0] - mean) / std, validation[1])
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(4,)), keras.layers.Dense(16, activation="relu"),
         keras.layers.Dense(3, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    start_weights = model.get_weights()

    def fit(callbacks: list) -> tuple[float, float]:
        """Wall-clock and CPU seconds (this process, all threads) of one 20-epoch fit."""
        model.set_weights(start_weights)
        gc.collect()  # garbage left by an earlier variant must not be collected in this one
        wall, cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # livelossplot's legend warnings and the like
            model.fit(
                x_train, y_train, epochs=20, batch_size=16, validation_data=validation,
                verbose=0, callbacks=callbacks,
            )  # fmt: skip
        return time.perf_counter() - wall, time.process_time() - cpu

    fit([])  # trace the train and test functions once, outside the timings
    makers: dict[str, Callable[[], object]] = {
        "plain fit": lambda: None,
        "LivePlot": lambda: with_timer(LivePlot(target=ipywidgets.HTML())),
    }
    if PlotLossesKeras is not None:
        makers["livelossplot"] = lambda: with_timer(PlotLossesKeras(mode="notebook"))
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in makers}
    for rep in range(reps):
        names = list(makers)
        for name in names[rep % len(names) :] + names[: rep % len(names)]:  # rotate the order
            callback = makers[name]()
            if isinstance(callback, LivePlot):
                plot, updates = callback, []
                plot.target.observe(updates.append, "value")
            wall, cpu = fit([callback] if callback else [])
            times[name].append((wall, cpu, getattr(callback, "spent", 0.0)))

    def overhead(name: str, clock: int) -> float:
        """Median over repetitions of the extra time against that repetition's plain fit.

        ``clock`` 0 is wall-clock time, 1 CPU time, 2 the time spent in the callback's
        own hooks (which run inside the training loop, so they add to it one for one).
        """
        pairs = zip(times[name], times["plain fit"], strict=True)
        return statistics.median(
            run[2] / plain[0] if clock == 2 else run[clock] / plain[clock] - 1
            for run, plain in pairs
        )

    clocks = ("wall clock", "CPU", "in callback")
    print("(a) Live plot overhead over a plain 20-epoch fit(verbose=0) on iris (Dense 16 relu,")
    print("    Adam, batch 16, validation_data). LivePlot draws into an ipywidgets.HTML;")
    print("    livelossplot into matplotlib figures, rendered to PNG as in a notebook.")
    print("                      fit time   overhead: wall clock        CPU  in callback")
    for name in makers:
        line = f"    {name:<14} {statistics.median(t[0] for t in times[name]):9.3f} s"
        if name != "plain fit":
            line += "".join(
                f"{overhead(name, clock):+{width}.1%}" for clock, width in enumerate((21, 11, 13))
            )
        print(line)
    redraw = statistics.median(
        _seconds(lambda: curves_svg({"": plot.history}, max_epoch=20)) for _ in range(50)
    )
    print(
        f"    LivePlot: {redraw * 1000:.2f} ms per redraw (20 epochs, 4 curves); "
        f"{len(updates)} widget updates in its last fit"
    )
    ours = [overhead("LivePlot", clock) for clock in range(3)]
    print(
        f"    target LivePlot overhead <= {TARGET_OVERHEAD:.0%}: "
        + ", ".join(
            f"{c} {verdict(o <= TARGET_OVERHEAD)}" for c, o in zip(clocks, ours, strict=True)
        )
    )
    if "livelossplot" in makers:
        theirs = [overhead("livelossplot", clock) for clock in range(3)]
        print(
            "    target LivePlot overhead < 1/5 of livelossplot's: "
            + ", ".join(
                f"{c} {verdict(o < t * TARGET_VS_LIVELOSSPLOT)}"
                for c, o, t in zip(clocks, ours, theirs, strict=True)
            )
        )
    else:
        print("    livelossplot is not installed (pip install -e '.[dev]'): comparison skipped")


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bench_playground(reps: int) -> None:
    from helpers import training
    from helpers.playground import playground

    most, now = training.MAX_BATCHES_PER_CALL, "now: clicked after the warm-up"
    # name -> (batches per call at most, whether the click waits for the warm-up)
    variants = {
        "before: built after the click, 1 batch per call": (1, False),
        "clicked at once: built after the click": (most, False),
        now: (most, True),
    }
    first_points: dict[str, list[float]] = {name: [] for name in variants}
    complete: dict[str, list[float]] = {name: [] for name in variants}
    for rep in range(reps):
        names = list(variants)
        for name in names[rep % len(names) :] + names[: rep % len(names)]:  # rotate the order
            training.MAX_BATCHES_PER_CALL, warmed = variants[name]
            gc.collect()
            pg = playground(epochs=50)  # opening it warms up its model (see training.warm_up)
            if warmed:
                assert training.wait_for_warm_up(timeout=60), "the warm-up failed"
                gc.collect()
            drawn: list[float] = []

            def first_drawing(change, drawn=drawn) -> None:
                if not drawn and change["new"].startswith("<svg"):
                    drawn.append(time.perf_counter())

            pg.live.observe(first_drawing, "value")
            clicked = time.perf_counter()
            pg.train_button.click()  # unwarmed: before the warm-up's delay has passed
            result = pg.wait(timeout=120)
            complete[name].append(time.perf_counter() - clicked)
            first_points[name].append(drawn[0] - clicked)
            assert result.status == "finished" and result.epochs_run == 50, result.message
    training.MAX_BATCHES_PER_CALL = most
    width = max(map(len, variants))
    print(f"(b) Playground: {pg.settings.label}")
    print(f"    {'Train click ->':<{width}}  first point  run complete")
    for name in variants:
        first, run = statistics.median(first_points[name]), statistics.median(complete[name])
        print(f"    {name:<{width}}  {first:9.2f} s  {run:10.2f} s")
    first, run = statistics.median(first_points[now]), statistics.median(complete[now])
    print(
        f"    now: target first point <= {TARGET_FIRST_POINT} s: "
        f"{verdict(first <= TARGET_FIRST_POINT)}; run complete <= {TARGET_RUN} s: "
        f"{verdict(run <= TARGET_RUN)}"
    )
    for name in variants:
        print(f"    each run, {name}:")
        for label, times in (("first point", first_points), ("complete", complete)):
            print(f"        {label:<12} {', '.join(f'{s:.2f}' for s in times[name])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7, help="repetitions per figure (default 7)")
    reps = parser.parse_args().reps
    if reps < 1:
        parser.error(f"--reps must be 1 or more; got {reps}")

    os.environ["MPLBACKEND"] = "Agg"
    quiet_tensorflow()  # as the notebooks' setup cell does
    import tensorflow as tf

    tf.config.experimental.enable_op_determinism()  # as setup_notebook() does

    print("Keras First Steps benchmark")
    print(f"    machine: {machine()}")
    print(f"    {versions('tensorflow', 'keras', 'ipywidgets', 'livelossplot')}")
    print(f"    load average at start: {load_average()}; medians of {reps} repetitions")
    print()
    bench_overhead(reps)
    print()
    bench_playground(reps)


if __name__ == "__main__":
    main()

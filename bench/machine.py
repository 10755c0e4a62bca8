"""What the benchmarks print about the machine they ran on, shared by both scripts."""

from __future__ import annotations

import contextlib
import os
import platform
from importlib import metadata
from pathlib import Path


def machine() -> str:
    """The CPU model, its cores (and how many this process may use) and the system."""
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {os.cpu_count()} cores ({usable} usable), {platform.system()}"


def versions(*packages: str) -> str:
    """Python's version and the installed version of each package found."""
    found = [f"Python {platform.python_version()}"]
    for name in packages:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found.append(f"{name} {metadata.version(name)}")
    return ", ".join(found)


def load_average() -> str:
    """The one-minute load average, or "unknown" where the system has none (Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        return f"{os.getloadavg()[0]:.2f}"
    return "unknown"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"

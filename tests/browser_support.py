"""Drive JupyterLab in headless Chromium, as a learner would (used by tests/test_browser.py).

``jupyter_lab(folder)`` serves a folder on localhost with a fresh, private
Jupyter configuration; ``Notebook`` opens one notebook in a Playwright page and
offers the few things the tests do: run all cells, wait until the kernel is
done, find cells and widgets, look for errors and take screenshots.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Only localhost is reachable here: keep Chromium from phoning home.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# User settings of the test server: no news or update pop-ups, and every cell
# kept in the page (JupyterLab may otherwise leave cells outside the view unrendered).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
SVG_IMAGE = '.jp-OutputArea-output[data-mime-type="image/svg+xml"] img'
WIDGET_ERROR = "Error displaying widget"

SERVER_START_S = 90
KERNEL_IDLE_MS = 120_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Lab:
    base_url: str
    token: str
    root: Path
    log: Path

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}?token={self.token}"

    def api(self, path: str, method: str = "GET") -> bytes:
        request = urllib.request.Request(
            f"{self.base_url}api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def jupyter_lab(root: Path, workdir: Path, python: str = sys.executable) -> Iterator[Lab]:
    """Serve ``root`` with ``python -m jupyter lab``; Jupyter's own files go to ``workdir``.

    The kernels are started with ``python`` too (jupyter_client swaps the
    kernelspec's "python" for the server's interpreter), so they see the course.
    """
    settings = workdir / "lab-settings"
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        target = settings / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    env = private_jupyter(os.environ, workdir) | {"JUPYTERLAB_SETTINGS_DIR": str(settings)}
    port, token = free_port(), secrets.token_hex(16)
    lab = Lab(f"http://127.0.0.1:{port}/", token, root, workdir / "jupyter-lab.log")
    command = [
        python, "-m", "jupyter", "lab", f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
        *server_options(port, token),
    ]  # fmt: skip
    with serving(lab, command, env):
        yield lab


def private_jupyter(env: dict[str, str], workdir: Path) -> dict[str, str]:
    """``env`` with Jupyter's own folders in ``workdir``: no user's configuration, data or
    workspaces, and no pytest variables for the kernels."""
    keep = {k: v for k, v in env.items() if not k.startswith(("JUPYTER", "PYTEST_"))}
    return keep | {
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_DATA_DIR": str(workdir / "data"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(workdir / "workspaces"),
        "PYTHONUNBUFFERED": "1",
    }


def server_options(port: int, token: str) -> list[str]:
    """``jupyter lab``'s options for a test: no browser, only localhost, this port and token."""
    return [
        "--no-browser", "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
        "--ServerApp.port_retries=0", "--allow-root",
    ]  # fmt: skip


@contextmanager
def serving(lab: Lab, command: list[str], env: dict[str, str], cwd: Path | None = None):
    """Run ``command``, the ``jupyter lab`` of ``lab``, while the block runs; shut it down after."""
    with lab.log.open("wb") as log:
        server = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"jupyter lab exited at start:\n{lab.log_tail()}")
            try:
                lab.api("status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"jupyter lab did not answer in {SERVER_START_S} s:\n{lab.log_tail()}"
                    ) from None
                time.sleep(0.25)
        yield lab
    finally:
        try:  # shuts the kernels down too
            lab.api("shutdown", method="POST")
        except OSError:
            pass
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


class Notebook:
    """One notebook open in a JupyterLab page."""

    def __init__(self, page, lab: Lab, path: str, screenshots: Path):
        self.page, self.lab, self.path, self.screenshots = page, lab, path, screenshots
        self.name = Path(path).stem
        page.goto(lab.url(f"lab/tree/{path}") + "&reset")  # reset: no tabs from earlier tests
        page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=60_000)
        self.wait_kernel_idle()

    @property
    def cells(self):
        return self.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")

    def menu(self, menu: str, item: str) -> None:
        self.page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
        self.page.get_by_role("menuitem", name=item, exact=True).click()

    def wait_kernel_idle(self, timeout: int = KERNEL_IDLE_MS) -> None:
        """Wait until the status bar shows a started kernel that is idle."""
        self.page.wait_for_function(
            """() => {
                const bar = document.querySelector('#jp-main-statusbar');
                return bar && /ipykernel\\) \\| Idle/.test(bar.innerText);
            }""",
            timeout=timeout,
        )

    def wait_all_run(self, timeout: int = KERNEL_IDLE_MS) -> None:
        """Wait until every code cell has run ([n] in its prompt) and the kernel is idle.

        A cell whose code is collapsed (a check cell) shows an empty prompt: it is left out;
        had it failed, Run All would have stopped and the cells after it would not run.
        """
        self.page.wait_for_function(
            """() => {
                const selector = '.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt';
                const prompts = [...document.querySelectorAll(selector)]
                    .filter(p => p.textContent.trim() !== '');
                return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            }""",
            timeout=timeout,
        )
        self.wait_kernel_idle(timeout)

    def run_all(self, timeout: int = KERNEL_IDLE_MS) -> None:
        """Clear every output, then Run > Run All Cells and wait until all have run."""
        self.menu("Edit", "Clear Outputs of All Cells")
        self.menu("Run", "Run All Cells")
        self.wait_all_run(timeout)

    def shot(self, step: str, target=None) -> Path:
        path = self.screenshots / f"{self.name}-{step}.png"
        (target or self.page).screenshot(path=str(path))
        return path

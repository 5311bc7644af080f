"""JupyterLab in a real browser: open 00-explore.ipynb, Run All, and see no error, no dialog, no prompt.

Starts ``jupyter lab`` (the project's venv, the same options as ``make lab``) on a free local port with a
token, drives the system Chromium headless through Playwright (never a downloaded browser), and stops the
server. The notebook runs on a copy in a temporary folder, so the committed one is never saved over.
Skips, saying why, where Chromium or Playwright is missing.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.config import NOTEBOOKS_DIR, SEEDS_DIR

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "00-explore.ipynb"
RUN_TIMEOUT_S = 600
START_TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path):
    """A JupyterLab server on a copy of the notebook; yields (base URL, token); stopped afterwards."""
    if not CHROMIUM.is_file():
        pytest.skip(
            f"no Chromium at {CHROMIUM} (install the Debian package 'chromium' to run this test)"
        )
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pinned in requirements.txt)"
    )
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copy(NOTEBOOKS_DIR / NOTEBOOK, work / NOTEBOOK)
    (tmp_path / "seeds").symlink_to(SEEDS_DIR)  # the notebook reads "../seeds"
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(
            tmp_path / "user-settings"
        ),  # only the venv's overrides.json applies
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--notebook-dir={work}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"JupyterLab did not start:\n{(tmp_path / 'lab.log').read_text()[-3000:]}"
                    )
                time.sleep(0.5)
        yield base, token, tmp_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def _prompts(page) -> list[str]:
    # text_content, not inner_text: JupyterLab does not lay out cells scrolled out of view
    return [t.strip() for t in page.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()]


def test_explore_notebook_runs_in_jupyterlab(lab) -> None:
    from playwright.sync_api import sync_playwright

    base, token, tmp_path = lab
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("request", lambda request: requests.append(request.url))
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", timeout=START_TIMEOUT_S * 1000)
            page.locator(".jp-Notebook .jp-CodeCell").first.wait_for(timeout=START_TIMEOUT_S * 1000)
            # the status bar says "Python 3 (ipykernel) | Idle" once the kernel is connected
            page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"\| Idle")).first.wait_for(
                timeout=START_TIMEOUT_S * 1000
            )
            _run_all(page)
            n_code = page.locator(".jp-Notebook .jp-CodeCell").count()
            deadline = time.monotonic() + RUN_TIMEOUT_S
            while True:
                prompts = _prompts(page)
                if sum(bool(re.fullmatch(r"\[\d+\]:", p)) for p in prompts) == n_code:
                    break
                assert time.monotonic() < deadline, (
                    f"cells not run after {RUN_TIMEOUT_S} s: {prompts}"
                )
                page.wait_for_timeout(1000)
            page.wait_for_timeout(2000)  # let the widgets and tables render
            page.screenshot(path=str(tmp_path / "explore.png"), full_page=False)

            errors = page.locator(
                "[data-mime-type='application/vnd.jupyter.error']"
            ).all_inner_texts()
            assert not errors, f"error output in the notebook: {errors}"
            assert page.locator(".jp-Dialog").count() == 0, page.locator(
                ".jp-Dialog"
            ).all_inner_texts()
            toasts = " ".join(page.locator(".Toastify__toast").all_inner_texts())
            assert "news" not in toasts.lower() and "update" not in toasts.lower(), toasts
            assert not dialogs, dialogs
            # the widgets and the interactive table really rendered (not "Loading widget..." or a raw repr)
            assert page.locator(".jp-OutputArea-output .widget-dropdown").count() == 2
            assert page.locator(".jp-OutputArea-output .widget-slider").count() == 1
            assert page.locator(".jp-OutputArea-output img.widget-image").count() == 2
            assert page.locator(".jp-OutputArea-output table.dataTable").count() >= 1
            text = page.locator(".jp-Notebook").inner_text()
            assert "Loading ITables" not in text and "Error displaying widget" not in text
        finally:
            browser.close()
    outside = [u for u in requests if not u.startswith((base, "data:", "blob:"))]
    assert not outside, f"requests left the machine: {outside[:5]}"

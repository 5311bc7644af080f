"""The report's kernel talks over Unix sockets of its own: no TCP port another process can take first."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from analysis.publish.kernel import ReportKernelManager
from analysis.report.nbconvert_config import configure

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="Unix sockets are POSIX only (TCP elsewhere)"
)


async def _run_kernel():
    km = ReportKernelManager(kernel_name="python3")
    await km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        reply = await kc.execute_interactive("x = 6 * 7", timeout=60)
        folder = Path(km.connection_file).parent
        sockets = sorted(p.name for p in folder.iterdir() if p.is_socket())
        return reply["content"]["status"], km.get_connection_info(), folder, sockets
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)


def test_the_report_kernel_channels_are_unix_sockets_of_its_own_removed_after():
    status, info, folder, sockets = asyncio.run(_run_kernel())
    assert status == "ok"
    # shell, iopub, stdin, control, heartbeat: five Unix sockets in the run's own folder, no port picked for
    # the kernel to bind later (the kernel's own in-process pipe binds a random port itself, atomically)
    assert info["transport"] == "ipc"
    assert info["ip"] == str(folder / "kernel-ipc")
    assert sockets == [f"kernel-ipc-{n}" for n in range(1, 6)]
    assert not folder.exists()


def test_plain_nbconvert_starts_its_kernel_with_the_same_manager():
    from nbconvert.preprocessors import ExecutePreprocessor
    from traitlets.config import Config

    c = Config()
    configure(c)  # what make install writes into the venv's jupyter_nbconvert_config.py
    assert ExecutePreprocessor(config=c).kernel_manager_class is ReportKernelManager

"""The kernel manager of the report run: Unix sockets of its own, and a shutdown that never interrupts first.

jupyter_client's ``shutdown_kernel`` sends the kernel SIGINT before its shutdown request, to stop a cell that
may still run. When the report notebook has finished, nothing runs; but papermill's last request (kernel
info) may still be in the kernel's message handler when the signal lands, and ipykernel then logs
``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.`` to the terminal: a successful run that looks
like a failure (seen in about 1 run in 10). :class:`ReportKernelManager` skips that interrupt while
shutting down. Interrupting a running cell (Ctrl-C reaches the kernel's process group anyway) is unchanged.

The report run shuts the kernel down "immediately" (nbclient's ``shutdown_kernel="immediate"``: the process
is ended, with no shutdown request), as every cell has run by then: ipykernel 7.4 answering a shutdown
request can race its own teardown and log "Uncaught exception in ZMQStream callback ... Socket operation on
non-socket" to the terminal (about 1 run in 100, the iopub half of which ipykernel#1518 fixed).

On POSIX the kernel talks over Unix sockets (ZeroMQ's ``ipc`` transport) in a private folder made for this
run, not over TCP ports on localhost. jupyter_client picks five free TCP ports, closes them, and the kernel
binds them a moment later: a process starting at the same time (another report, a test worker, any server)
can take one in between, and the kernel then fails to start or prints "ZMQError: Address already in use"
from its heartbeat thread into a run that succeeded (seen in CI with two test workers). Socket files in a
folder no one else writes into cannot be taken; the folder is removed when the kernel is cleaned up.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from jupyter_client import AsyncKernelManager
from traitlets import default

__all__ = ["ReportKernelManager"]


class ReportKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` that does not interrupt the kernel when it shuts it down, and on POSIX talks to it
    over Unix sockets in a folder of its own (no TCP port another process can take first)."""

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc" if os.name == "posix" else "tcp"

    @default("connection_file")
    def _connection_file_default(self) -> str:
        if self.transport != "ipc":
            return ""  # jupyter_client's own temporary file
        # The sockets are "<connection file without .json>-ipc-<n>": a short private folder keeps the path
        # under the 107 bytes a Unix socket's path may have.
        self._own_folder = tempfile.mkdtemp(prefix="analysis-kernel-")
        return str(Path(self._own_folder) / "kernel.json")

    _own_folder: str | None = (
        None  # the folder made for the sockets, removed with them (never one given)
    )

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and self._own_folder:
            shutil.rmtree(self._own_folder, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:  # set by shutdown_kernel before it interrupts
            return
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

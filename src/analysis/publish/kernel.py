"""The kernel manager of the report run: shut the kernel down by asking, never by interrupting it first.

jupyter_client's ``shutdown_kernel`` sends the kernel SIGINT before its shutdown request, to stop a cell that
may still run. When the report notebook has finished, nothing runs; but papermill's last request (kernel
info) may still be in the kernel's message handler when the signal lands, and ipykernel then logs
``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.`` to the terminal: a successful run that looks
like a failure (seen in about 1 run in 10). :class:`QuietShutdownKernelManager` skips that interrupt while
shutting down. Interrupting a running cell (Ctrl-C reaches the kernel's process group anyway) is unchanged.

The report run shuts the kernel down "immediately" (nbclient's ``shutdown_kernel="immediate"``: the process
is ended, with no shutdown request), as every cell has run by then: ipykernel 7.4 answering a shutdown
request can race its own teardown and log "Uncaught exception in ZMQStream callback ... Socket operation on
non-socket" to the terminal (about 1 run in 100, the iopub half of which ipykernel#1518 fixed).
"""

from __future__ import annotations

from jupyter_client import AsyncKernelManager

__all__ = ["QuietShutdownKernelManager"]


class QuietShutdownKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` that does not interrupt the kernel when it shuts it down."""

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:  # set by shutdown_kernel before it interrupts
            return
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

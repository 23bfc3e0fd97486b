"""``tf.summary.trace_on/trace_export/trace_off`` and the profiler the TensorBoard callback uses.

TF records executed graphs and, with ``profiler=True``, a device profile.  torchkeras runs
eagerly on torch, so the profile is a ``torch.profiler`` trace, saved as a Chrome trace
(``chrome://tracing``, Perfetto, or TensorBoard's PyTorch profiler plugin) in TF's profile
plugin layout: ``<logdir>/plugins/profile/<YYYY_MM_DD_HH_MM_SS>/<host>.pt.trace.json``.
There are no TF graphs to collect: ``graph=True`` records nothing, so ``trace_export``
writes a summary only for the profile file, never a ``graph_run_metadata`` summary.
"""

from __future__ import annotations

import datetime
import os
import socket
import threading

from ..api_export import tf_export
from ..framework.logger import get_logger
from .summary_ops import step_value

__all__ = ["trace_on", "trace_export", "trace_off", "Profiler"]


class Profiler:
    """One ``torch.profiler`` session saving a Chrome trace under ``<logdir>/plugins/profile``."""

    def __init__(self, logdir):
        import torch.profiler

        activities = [torch.profiler.ProfilerActivity.CPU]
        import torch

        if torch.cuda.is_available():
            activities.append(torch.profiler.ProfilerActivity.CUDA)
        self.logdir = logdir
        self._profile = torch.profiler.profile(activities=activities, record_shapes=True)
        self._profile.start()

    def step(self):
        """Marks a step boundary (one batch) in the trace."""
        self._profile.step()

    def stop(self, save=True):
        """Stops profiling; with ``save``, writes the trace and returns its path."""
        self._profile.stop()
        if not save or not self.logdir:
            return None
        run = datetime.datetime.now().strftime("%Y_%m_%d_%H_%M_%S")
        folder = os.path.join(self.logdir, "plugins", "profile", run)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%s.pt.trace.json" % socket.gethostname())
        self._profile.export_chrome_trace(path)
        return path


_LOCK = threading.Lock()
_CURRENT = None


@tf_export("summary.trace_on")
def trace_on(graph=True, profiler=False, profiler_outdir=None):
    """``tf.summary.trace_on``: starts a trace; with ``profiler=True`` a ``torch.profiler``
    session whose Chrome trace ``trace_export`` saves in ``profiler_outdir``.

    ``graph=True`` is accepted and records nothing (no TF graphs exist here)."""
    global _CURRENT
    with _LOCK:
        if _CURRENT is not None:
            get_logger().warning("Trace already enabled")
            return
        session = None
        if profiler:
            if profiler_outdir is None:
                get_logger().warning(
                    "No `profiler_outdir` passed to trace_on(). Profiler won't be enabled."
                )
            else:
                session = Profiler(os.fspath(profiler_outdir))
        _CURRENT = (graph, profiler, session)


@tf_export("summary.trace_export")
def trace_export(name, step=None, profiler_outdir=None):
    """``tf.summary.trace_export``: stops the trace and saves the profile (if one runs).

    ``ValueError`` when no trace was started, as in TF."""
    if step is not None:
        step_value(step)
    global _CURRENT
    with _LOCK:
        if _CURRENT is None:
            raise ValueError("Must enable trace before export through tf.summary.trace_on.")
        (_, profiler, session), _CURRENT = _CURRENT, None
    if profiler and profiler_outdir:
        get_logger().warning(
            "Ignoring `profiler_outdir` passed to trace_export(). Please pass "
            "it to trace_on() instead."
        )
    if session is not None:
        session.stop(save=True)


@tf_export("summary.trace_off")
def trace_off():
    """``tf.summary.trace_off``: stops the current trace, discarding what it collected."""
    global _CURRENT
    with _LOCK:
        current, _CURRENT = _CURRENT, None
    if current is not None and current[2] is not None:
        try:
            current[2].stop(save=False)
        except Exception as error:  # as TF: a failing stop only warns  # noqa: BLE001
            get_logger().warning("Error while stopping profiler: %s", error)

"""fit_under_load: the ``mlp_fit`` epoch on an idle machine and next to one and two competing
busy processes (pure-Python loops the benchmark starts before and stops after each timed
epoch), for raw torch, torchkeras and TensorFlow.

Each implementation runs in a fresh process started as a user's script would be, so each
gets the threading defaults a user gets: raw torch imports ``torch`` (torch's defaults),
torchkeras imports ``torchkeras`` first (its defaults, ``framework/threading_config.py``),
TensorFlow imports ``tensorflow``.  Epochs are wall time on torch's / TF's default threads.

In the suite's table the figure is the slowdown under one competing process (its epoch over
the idle epoch, medians).  The full table (idle, 1 and 2 busy processes, and the targets:
torchkeras under one busy process at most 2x its idle epoch and no slower than TF's)::

    python -m benchmarks.workloads.fit_under_load [--tf-python PATH] [--repeats N] [--rows N]
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

DESCRIPTION = (
    "mlp_fit epoch with 1 competing busy process / idle (fresh process each, default threads)"
)
UNIT = "x"
TARGET = None
REPEATS = 1
THREADS = None

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
LOADS = (0, 1, 2)
BUSY_SECONDS = 600  # a busy loop ends on its own after this, or when its parent is gone

_BUSY_LOOP = (
    "import os, time\n"
    "parent, end = os.getppid(), time.monotonic() + %d\n"
    "while os.getppid() == parent and time.monotonic() < end:\n"
    "    pass\n" % BUSY_SECONDS
)


class BusyProcesses:
    """A context manager: ``count`` CPU-bound processes running inside the block, always stopped
    (and reaped) on the way out."""

    def __init__(self, count):
        self.count = count
        self.processes = []

    def __enter__(self):
        try:
            for _ in range(self.count):
                self.processes.append(subprocess.Popen([sys.executable, "-c", _BUSY_LOOP]))
        except BaseException:
            self.__exit__(None, None, None)
            raise
        if self.processes:
            time.sleep(0.3)  # let them start spinning
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.kill()
        for process in self.processes:
            process.wait()
        self.processes = []
        return False


def _epoch_runner(impl, smoke, rows=None):
    """A zero-argument callable running one mlp_fit epoch with ``impl``, in this process (imports
    ``impl``'s library first, as a user's script does); ``rows``: the first rows only."""
    if impl == "tensorflow":
        import tensorflow as tf
    elif impl == "torchkeras":
        import torchkeras as tf
    from . import _mlp

    x, y = _mlp.data(smoke)
    x, y = x[:rows], y[:rows]
    if impl == "torch":
        import torch

        xt, yt = torch.from_numpy(x), torch.from_numpy(y)
        model = _mlp.TorchMLP(torch.device("cpu"))
        return lambda: model.train_epoch(xt, yt)
    with tf.device("/CPU:0"):
        model = _mlp.keras_model(tf)
    return lambda: model.fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=0)


def measure_here(impl, smoke, repeats, rows=None):
    """Median epoch milliseconds of ``impl`` per number of busy processes (``{"0": ms, ...}``),
    rounds interleaved (idle, 1, 2, idle, ...) after an untimed warm-up epoch (``smoke``: tiny
    data, idle and 1 only)."""
    run = _epoch_runner(impl, smoke, rows)
    run()
    loads = LOADS[:2] if smoke else LOADS
    times = {load: [] for load in loads}
    for _ in range(repeats):
        for load in loads:
            with BusyProcesses(load):
                start = time.perf_counter()
                run()
                times[load].append((time.perf_counter() - start) * 1e3)
    return {str(load): statistics.median(values) for load, values in times.items()}


def measure(impl, smoke=False, repeats=3, python=None, rows=None):
    """:func:`measure_here` for ``impl`` in a fresh subprocess of ``python`` (this interpreter)."""
    command = [python or sys.executable, "-m", "benchmarks.workloads.fit_under_load"]
    command += ["--impl", impl, "--repeats", str(repeats)] + (["--smoke"] if smoke else [])
    command += ["--rows", str(rows)] if rows else []
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _slowdown(times):
    return times["1"] / times["0"]


def torch_version(smoke, device):
    return lambda: _slowdown(measure("torch", smoke, 1 if smoke else 3))


def tf_version(tf, smoke):
    impl = "tensorflow" if tf.__name__ == "tensorflow" else "torchkeras"
    return lambda: _slowdown(measure(impl, smoke, 1 if smoke else 3))


def report(results):
    """The full table for ``{impl: {load: ms}}`` and the target lines, as text."""
    lines = ["%-11s %12s %18s %18s" % ("", "idle ms", "1 busy ms (x)", "2 busy ms (x)")]
    for impl, times in results.items():
        cells = [
            "%.0f (%.2fx)" % (times[k], times[k] / times["0"]) if k in times else "-"
            for k in ("1", "2")
        ]
        lines.append("%-11s %12.0f %18s %18s" % (impl, times["0"], cells[0], cells[1]))
    ours = results.get("torchkeras")
    if ours:
        lines.append(
            "torchkeras with 1 busy process <= 2x its idle epoch: %s (%.2fx)"
            % ("yes" if _slowdown(ours) <= 2 else "NO", _slowdown(ours))
        )
        if "tensorflow" in results:
            theirs = results["tensorflow"]["1"]
            lines.append(
                "torchkeras with 1 busy process no slower than TF: %s (%.0f ms vs %.0f ms)"
                % ("yes" if ours["1"] <= theirs else "NO", ours["1"], theirs)
            )
    return "\n".join(lines)


def main(argv=None):
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workloads.fit_under_load")
    parser.add_argument("--impl", choices=("torch", "torchkeras", "tensorflow"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--rows", type=int, help="train on the first ROWS rows (default: 60000)")
    parser.add_argument("--tf-python", help="an interpreter with TensorFlow, for TF's figures")
    args = parser.parse_args(argv)
    if args.impl:
        print(json.dumps(measure_here(args.impl, args.smoke, args.repeats, args.rows)))
        return 0
    results, load = {}, os.getloadavg()
    for impl in ("torch", "torchkeras") + (("tensorflow",) if args.tf_python else ()):
        python = args.tf_python if impl == "tensorflow" else None
        results[impl] = measure(impl, args.smoke, args.repeats, python, args.rows)
    print("load average before the runs: %.2f %.2f %.2f" % load)
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

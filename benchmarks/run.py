"""Run the benchmark suite: ``python -m benchmarks`` (or ``python benchmarks/run.py``).

Every workload runs on torchkeras and as the same math in raw torch, in this
process, repetitions interleaved; TensorFlow's figure is added when TensorFlow
is importable here or ``--tf-python`` names an interpreter that has it (run in
a subprocess per workload).  Prints a table of medians and ratios.

    python -m benchmarks [WORKLOAD ...] [--smoke] [--repeats N] [--threads N]
                         [--device cpu|cuda] [--tf-python PATH | --no-tf]
"""

import argparse
import importlib.util
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

if __package__ in (None, ""):  # run as a script: make the package importable
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from benchmarks import workloads  # noqa: E402
from benchmarks._measure import clock, machine, measure  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _repeats(workload, args):
    if args.repeats is not None and workload.UNIT == "ms":
        return args.repeats
    return 1 if args.smoke else workload.REPEATS


def _threads(workload, args):
    """The threads ``workload`` runs on: ``--threads`` if given, else the workload's ``THREADS``."""
    return args.threads or workload.THREADS


def _pinned_threads(threads):
    previous = torch.get_num_threads()
    if threads:
        torch.set_num_threads(threads)
    return previous


def run_local(workload, args, device):
    """Medians of raw torch and torchkeras for ``workload``, repetitions interleaved (the order
    alternating round by round)."""
    import torchkeras as tf

    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    threads = _threads(workload, args)
    now = clock(threads, device.type)
    previous_threads = _pinned_threads(threads)
    try:
        with tf.device("/GPU:0" if device.type == "cuda" else "/CPU:0"):
            runners = {
                "torch": workload.torch_version(args.smoke, device),
                "torchkeras": workload.tf_version(tf, args.smoke),
            }
            values = {impl: [] for impl in runners}
            warmup = workload.UNIT == "ms" and not args.smoke  # a first, untimed round
            for round_index in range(_repeats(workload, args) + warmup):
                order = list(runners.items())
                for impl, run in (
                    order if round_index % 2 == 0 else reversed(order)
                ):  # ABBA: no side always first
                    # Raw torch flushes float32 denormals, as TensorFlow does.
                    torch.set_flush_denormal(impl == "torch")
                    value = measure(workload, run, sync, now)
                    if round_index >= warmup:
                        values[impl].append(value)
            torch.set_flush_denormal(False)
    finally:
        torch.set_num_threads(previous_threads)
    return {impl: statistics.median(v) for impl, v in values.items()}


def run_tensorflow(name, args):
    """TensorFlow's median for workload ``name``, from a worker subprocess of
    ``args.tf_python``; ``None`` (with a note on stderr) if it fails."""
    command = [args.tf_python, "-m", "benchmarks", name, "--worker", "--device", args.device]
    if args.smoke:
        command.append("--smoke")
    if args.repeats is not None:
        command += ["--repeats", str(args.repeats)]
    if args.threads is not None:
        command += ["--threads", str(args.threads)]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write("TensorFlow run of %s failed:\n%s\n" % (name, result.stderr[-2000:]))
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker(args):
    """``--worker``: one workload on real TensorFlow; prints a JSON line."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    (name,) = args.workloads
    workload = workloads.load(name)
    threads = _threads(workload, args)
    if threads:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    with tf.device("/GPU:0" if args.device == "cuda" else "/CPU:0"):
        run = workload.tf_version(tf, args.smoke)
        if workload.UNIT == "ms" and not args.smoke:
            run()
        now = clock(threads, args.device)
        values = [
            measure(workload, run, lambda: None, now) for _ in range(_repeats(workload, args))
        ]
    print(json.dumps({"version": tf.__version__, "value": statistics.median(values)}))
    return 0


def _target_text(workload):
    if workload.TARGET is not None:
        return "<=%gx" % workload.TARGET
    if getattr(workload, "LIMIT", None) is not None:
        return "<%g %s" % (workload.LIMIT, workload.UNIT)
    return "-"


def _met(workload, ratio, value):
    if workload.TARGET is not None:
        return "yes" if ratio <= workload.TARGET else "NO"
    if getattr(workload, "LIMIT", None) is not None:
        return "yes" if value < workload.LIMIT else "NO"
    return "-"


def _number(workload, value):
    """Growth figures (workloads with a ``LIMIT``) signed, others plain."""
    return "%+.2f" % value if getattr(workload, "LIMIT", None) is not None else "%.2f" % value


def table(rows, with_tf):
    """The results as a text table (one line per workload)."""
    header = ["workload", "unit", "torch", "torchkeras", "ratio", "target", "met"]
    if with_tf:
        header += ["tensorflow", "tf ratio"]
    lines = [header]
    for name, workload, local, tf_value in rows:
        ratio = (
            local["torchkeras"] / local["torch"]
            if workload.TARGET is not None or workload.UNIT == "ms"
            else None
        )
        line = [
            name,
            workload.UNIT,
            _number(workload, local["torch"]),
            _number(workload, local["torchkeras"]),
            "%.2fx" % ratio if ratio is not None else "-",
            _target_text(workload),
            _met(workload, ratio, local["torchkeras"]),
        ]
        if with_tf:
            if tf_value is None:
                line += ["-", "-"]
            else:
                line.append(_number(workload, tf_value))
                line.append("%.2fx" % (tf_value / local["torch"]) if ratio is not None else "-")
        lines.append(line)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths))
        )
        for line in lines
    )


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "workloads",
        nargs="*",
        help="workloads to run (default: all): %s" % ", ".join(workloads.names()),
    )
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repetition (seconds)")
    parser.add_argument(
        "--repeats", type=int, help="repetitions of timed workloads (default: each workload's)"
    )
    parser.add_argument(
        "--threads",
        type=int,
        help="pin every workload to this many threads (1 on the CPU: "
        "timed in process CPU time, steadier on a busy machine; default: each workload's)",
    )
    parser.add_argument(
        "--device",
        choices=("cpu", "cuda"),
        default="cuda" if torch.cuda.is_available() else "cpu",
        help="where both versions run (default: cuda when torch sees a GPU)",
    )
    parser.add_argument(
        "--tf-python",
        help="a Python interpreter with TensorFlow, for TF's figures "
        "(default: this one, when TensorFlow is importable)",
    )
    parser.add_argument("--no-tf", action="store_true", help="skip TensorFlow")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name in args.workloads:
        workloads.load(name)
    if (
        args.tf_python is None
        and not args.no_tf
        and importlib.util.find_spec("tensorflow") is not None
    ):
        args.tf_python = sys.executable
    if args.no_tf:
        args.tf_python = None
    return args


def main(argv=None):
    """Runs the selected workloads and prints the table; returns the exit status."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.worker:
        return worker(args)
    device = torch.device("cuda", 0) if args.device == "cuda" else torch.device("cpu")
    names = args.workloads or workloads.names()
    print(
        "benchmarks%s on %s (%s)"
        % (
            " (smoke: tiny sizes, figures meaningless)" if args.smoke else "",
            device.type,
            machine(device),
        )
    )
    rows, tf_version = [], None
    for name in names:
        workload = workloads.load(name)
        local = run_local(workload, args, device)
        tf_result = run_tensorflow(name, args) if args.tf_python else None
        if tf_result is not None:
            tf_version = tf_result["version"]
        rows.append((name, workload, local, tf_result and tf_result["value"]))
    print(table(rows, args.tf_python is not None))
    print()
    width = max(len(name) for name in names)
    for name, workload, _, _ in rows:
        pinned = _threads(workload, args)
        threads = (
            "%d thread%s" % (pinned, "s" if pinned > 1 else "")
            if pinned
            else "torch's default threads"
        )
        timing = (
            ""
            if workload.UNIT != "ms"
            else ", CPU time"
            if clock(pinned, device.type) is time.process_time
            else ", wall time"
        )
        print(
            "%-*s  %s (median of %d, %s%s)"
            % (width, name, workload.DESCRIPTION, _repeats(workload, args), threads, timing)
        )
    print(
        "ratios are against raw torch (float32 denormals flushed, as TF does)%s"
        % ("; TensorFlow %s ran in a subprocess" % tf_version if tf_version else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m torchkeras.demo [NAME ...]``: run the book's examples that exist so far.

Each entry of ``EXAMPLES`` is a script of ``torchkeras/examples/`` (shipped in the
package, so the demo runs from a wheel as from a clone) and the arguments that
keep it brief; the demo runs them (or only those NAMEd, e.g. ``digits_mlp``) one
after another in this process, shows their output, and ends with one line per
example (ok or the error, and the time it took).  Exit status 1 if any failed,
2 for an unknown NAME.
"""

import pathlib
import runpy
import sys
import time
import traceback

EXAMPLES_DIR = pathlib.Path(__file__).resolve().parent / "examples"

# (what it shows, script under torchkeras/examples/, arguments)
EXAMPLES = [
    ("3.5.4 linear classifier in pure TF (GradientTape)", "linear_classifier.py", ["--seed", "1"]),
    (
        "3.6.1 custom SimpleDense layer in a Sequential model",
        "simple_dense_model.py",
        ["--seed", "0"],
    ),
    (
        "3.6.3-3.6.7 compile/fit/evaluate/predict with validation",
        "sequential_fit.py",
        ["--seed", "0", "--verbose", "0"],
    ),
    (
        "MLP on real handwritten digits (tf.data, callbacks)",
        "digits_mlp.py",
        ["--seed", "0", "--verbose", "0"],
    ),
    (
        "Convnet on generated shape images (Conv2D, MaxPooling2D)",
        "convnet_images.py",
        ["--seed", "0", "--verbose", "0"],
    ),
    (
        "LSTM classifier on generated token sequences",
        "sequence_model.py",
        ["--seed", "0", "--verbose", "0"],
    ),
]


def run_example(script, args):
    """Runs ``torchkeras/examples/<script>`` as ``__main__`` with ``args`` and returns the
    seconds it took."""
    path = EXAMPLES_DIR / script
    saved_argv = sys.argv
    sys.argv = [str(path)] + list(args)
    start = time.perf_counter()
    try:
        runpy.run_path(str(path), run_name="__main__")
    finally:
        sys.argv = saved_argv
    return time.perf_counter() - start


def main(argv=None):
    """Runs every example, or those named in ``argv`` (script names without ``.py``);
    returns the exit status."""
    import torchkeras as tf

    names = list(argv or ())
    known = [script[:-3] for _, script, _ in EXAMPLES]
    unknown = [name for name in names if name not in known]
    if unknown:
        sys.stderr.write(
            "torchkeras.demo: unknown example %s; choose from %s\n"
            % (", ".join(unknown), ", ".join(known))
        )
        return 2
    device = tf.constant(0.0).device.rsplit("device:", 1)[1]
    print("torchkeras %s (TensorFlow API) on torch, default device %s" % (tf.__version__, device))
    summary = []
    for title, script, args in EXAMPLES:
        if names and script[:-3] not in names:
            continue
        print("\n=== %s: torchkeras/examples/%s" % (title, script))
        try:
            seconds = run_example(script, args)
        except Exception:  # report every example, whatever one of them raises  # noqa: BLE001
            traceback.print_exc()
            summary.append("FAILED  %s: %s" % (title, sys.exc_info()[1]))
        else:
            summary.append("ok      %s (%.2f s)" % (title, seconds))
    print("\n=== summary")
    print("\n".join(summary))
    return 1 if any(line.startswith("FAILED") for line in summary) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

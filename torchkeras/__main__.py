"""``python -m torchkeras SCRIPT.py [args...]``: run an unmodified TensorFlow
script on torchkeras.

The script's ``import tensorflow`` / ``import keras`` resolve to torchkeras
(see ``_alias.py``); it runs as ``__main__`` with ``sys.argv`` and
``sys.path[0]`` as if started with ``python SCRIPT.py [args...]``.

``python -m torchkeras --nproc N [TORCHRUN_OPTIONS] SCRIPT.py [args...]`` starts
``torchrun`` (``torch.distributed.run``) with N processes per node, each running
the script this way: a ``tf.distribute`` strategy in the script then has one replica
per process.  Without other torchrun options the run is standalone (one machine);
options such as ``--nnodes``, ``--node-rank``, ``--rdzv-endpoint`` are passed on.
``torchrun ... -m torchkeras SCRIPT.py`` works too.
"""

import os
import runpy
import sys

from ._alias import enable_tensorflow_alias

_USAGE = (
    "usage: python -m torchkeras SCRIPT.py [args...]\n"
    "       python -m torchkeras --nproc N [TORCHRUN_OPTIONS] SCRIPT.py [args...]\n"
)


def _launch(argv):
    """Starts torchrun for ``--nproc N [options] SCRIPT.py [args...]``; returns its exit code."""
    options = []
    nproc = None
    while argv and argv[0].startswith("-"):
        option = argv.pop(0)
        name, equals, value = option.partition("=")
        if name in ("--nproc", "--nproc-per-node", "--nproc_per_node"):
            nproc = value if equals else (argv.pop(0) if argv else None)
        elif equals or not argv or argv[0].startswith("-"):
            options.append(option)
        else:
            options += [option, argv.pop(0)]
    if nproc is None or not argv:
        sys.stderr.write(_USAGE)
        return 2
    if not any(
        o.split("=")[0]
        in ("--nnodes", "--rdzv-endpoint", "--rdzv_endpoint", "--master-addr", "--master_addr")
        for o in options
    ):
        options.insert(0, "--standalone")
    from torch.distributed import run
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError

    try:
        run.main(["--nproc-per-node", str(nproc), *options, "-m", "torchkeras", *argv])
    except SystemExit as error:
        return error.code or 0
    except ChildFailedError:  # torchrun has reported which replica failed
        return 1
    return 0


def main(argv=None):
    """Runs ``argv[0]`` (a script path) with the TensorFlow alias enabled, or starts torchrun
    with ``--nproc N``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write(_USAGE)
        return 0 if argv else 2
    if argv[0].startswith("--nproc"):
        return _launch(argv)
    script = argv[0]
    if not os.path.exists(script):
        sys.stderr.write(
            "python -m torchkeras: can't open file %r: No such file or directory\n" % script
        )
        return 2
    enable_tensorflow_alias()
    sys.argv = argv
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())

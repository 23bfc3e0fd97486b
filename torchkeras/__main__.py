"""``python -m torchkeras SCRIPT.py [args...]``: run an unmodified TensorFlow
script on torchkeras.

The script's ``import tensorflow`` / ``import keras`` resolve to torchkeras
(see ``_alias.py``); it runs as ``__main__`` with ``sys.argv`` and
``sys.path[0]`` as if started with ``python SCRIPT.py [args...]``.
"""

import os
import runpy
import sys

from ._alias import enable_tensorflow_alias

_USAGE = "usage: python -m torchkeras SCRIPT.py [args...]\n"


def main(argv=None):
    """Runs ``argv[0]`` (a script path) with the TensorFlow alias enabled."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write(_USAGE)
        return 0 if argv else 2
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

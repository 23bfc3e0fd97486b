"""The one place that imports the ``tensorboard`` package (the ``torchkeras[tensorboard]`` extra).

``tf.summary`` writes real TensorBoard event files with the ``tensorboard`` package's own
``EventFileWriter``, protos (``tensorboard.compat.proto``) and plugin metadata; none of that
is reimplemented here.  Without the package, every writer raises one ``ImportError`` that
names the extra to install.
"""

from __future__ import annotations

import importlib

__all__ = ["require"]

_EXTRA_MESSAGE = (
    "tf.summary and keras.callbacks.TensorBoard need the `tensorboard` package. "
    "Install it with `pip install torchkeras-tf[tensorboard]` (or `pip install tensorboard`)."
)


def require(module="tensorboard"):
    """Import ``module`` from the tensorboard package, or raise ``ImportError`` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(_EXTRA_MESSAGE) from error

"""``tf.get_logger``: the logger TF's Python layer writes its warnings to."""

import logging
from ..api_export import tf_export

__all__ = ["get_logger"]

_LOGGER = logging.getLogger("torchkeras")


@tf_export("get_logger")
def get_logger():
    """The ``logging.Logger`` torchkeras warns through (TF's is named ``tensorflow``; ours
    ``torchkeras``)."""
    return _LOGGER

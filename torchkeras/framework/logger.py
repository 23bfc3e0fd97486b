"""``tf.get_logger``: the logger TF's Python layer writes its warnings to."""
import logging

__all__ = ["get_logger"]

_LOGGER = logging.getLogger("torchkeras")


def get_logger():
    """The ``logging.Logger`` torchkeras warns through (TF's is named ``tensorflow``; ours ``torchkeras``)."""
    return _LOGGER

"""Where Keras' messages go: standard output while interactive logging is on (the default), else
the ``torchkeras`` logger at INFO level (Keras uses ``absl.logging``).  Progress bars, callbacks'
messages and downloads all print through :func:`print_msg`."""

import sys

from ...framework.logger import get_logger
from ...api_export import keras_export

__all__ = [
    "enable_interactive_logging",
    "disable_interactive_logging",
    "is_interactive_logging_enabled",
    "print_msg",
]

_state = {"interactive": True}


@keras_export("keras.config.enable_interactive_logging", "keras.utils.enable_interactive_logging")
def enable_interactive_logging():
    """Messages and progress bars go to standard output (Keras' default)."""
    _state["interactive"] = True


@keras_export("keras.config.disable_interactive_logging", "keras.utils.disable_interactive_logging")
def disable_interactive_logging():
    """Messages go to the ``torchkeras`` logger instead of standard output."""
    _state["interactive"] = False


@keras_export(
    "keras.config.is_interactive_logging_enabled", "keras.utils.is_interactive_logging_enabled"
)
def is_interactive_logging_enabled():
    """Whether messages go to standard output."""
    return _state["interactive"]


def print_msg(message, line_break=True):
    """Writes ``message`` (plus a newline unless ``line_break=False``) to standard output, or logs
    it when interactive logging is off."""
    message = str(message)
    if _state["interactive"]:
        sys.stdout.write(message + "\n" if line_break else message)
        sys.stdout.flush()
    else:
        get_logger().info(message)

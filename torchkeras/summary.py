"""``tf.summary``: TensorBoard event files (``torchkeras[tensorboard]`` extra); filled from the
export registry.  ``tf.summary.experimental`` holds ``get_step``/``set_step``."""
import types as _types

from .api_export import fill_namespace as _fill
from .ops import summary_ops as _ops, summary_plugins as _plugins, summary_trace as _trace  # noqa: F401

experimental = _types.ModuleType(__name__ + ".experimental", "``tf.summary.experimental``.")
_fill(vars(experimental), "tf.summary.experimental")
__all__ = ["experimental"]
_fill(globals(), "tf.summary")

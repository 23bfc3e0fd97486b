"""``tf.summary``: TensorBoard event files (``torchkeras[tensorboard]`` extra); filled from the
export registry.  ``tf.summary.experimental`` holds ``get_step``/``set_step``."""
import types as _types

from .api_export import fill_namespace as _fill
from .ops import summary_ops, summary_plugins, summary_trace  # noqa: F401  (they register)

experimental = _types.ModuleType(__name__ + ".experimental", "``tf.summary.experimental``.")
_fill(vars(experimental), "tf.summary.experimental")
__all__ = ["experimental"]
_fill(globals(), "tf.summary")
del summary_ops, summary_plugins, summary_trace

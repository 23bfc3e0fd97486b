"""``tf.config.optimizer``: TF's graph-optimizer switches, recorded as TF reports them.

torchkeras has no Grappler and no XLA autoclustering: ``set_jit`` and
``set_experimental_options`` record the settings (read back with TF's getters) and change
nothing else; ``tf.function(jit_compile=True)`` is the way to compile
(``torch.compile``).
"""

from __future__ import annotations

from ..api_export import tf_export
from .global_state import PROCESS

__all__ = ["set_jit", "get_jit", "set_experimental_options", "get_experimental_options"]

# TF's RewriterConfig fields in the order ``get_experimental_options`` lists them; the two
# plain booleans always appear, the toggles only once set.
_TOGGLES = (
    "layout_optimizer",
    "constant_folding",
    "shape_optimization",
    "remapping",
    "arithmetic_optimization",
    "dependency_optimization",
    "loop_optimization",
    "function_optimization",
    "debug_stripper",
    "disable_model_pruning",
    "scoped_allocator_optimization",
    "pin_to_host_optimization",
    "implementation_selector",
    "auto_mixed_precision",
    "use_plugin_optimizers",
    "disable_meta_optimizer",
    "auto_mixed_precision_onednn_bfloat16",
    "auto_mixed_precision_mkl",
)
_ALWAYS = ("disable_model_pruning", "disable_meta_optimizer")


@tf_export("config.optimizer.set_jit")
def set_jit(enabled):
    """Records XLA autoclustering (``'autoclustering'``, or its deprecated alias ``True``)
    or no automatic compilation (``False``); nothing is compiled because of it."""
    PROCESS.jit = enabled in (True, "autoclustering")


@tf_export("config.optimizer.get_jit")
def get_jit():
    """``'autoclustering'`` after ``set_jit('autoclustering')`` / ``set_jit(True)``, else
    ``''``."""
    return "autoclustering" if PROCESS.jit else ""


@tf_export("config.optimizer.set_experimental_options")
def set_experimental_options(options):
    """Records Grappler options (a dict, merged into those set before); as TF, names it
    does not know are ignored by :func:`get_experimental_options`."""
    PROCESS.optimizer_options.update(options)


@tf_export("config.optimizer.get_experimental_options")
def get_experimental_options():
    """The recorded options in TF's order, with ``disable_model_pruning`` and
    ``disable_meta_optimizer`` always present (``False`` unless set)."""
    options = PROCESS.optimizer_options
    out = {}
    for name in _TOGGLES:
        if name in options or name in _ALWAYS:
            out[name] = bool(options.get(name, False))
    if options.get("min_graph_nodes"):
        out["min_graph_nodes"] = int(options["min_graph_nodes"])
    return out

"""``tf.distribute``: data-parallel strategies on torch.distributed (see ``strategy.py``).

Filled from the export registry, as are ``tf.distribute.cluster_resolver`` and
``tf.distribute.experimental``.
"""

import sys as _sys
import types as _types

from ..api_export import export_value as _export_value, fill_namespace as _fill_namespace

_MODULES = (
    "torchkeras.distribute.cluster",
    "torchkeras.distribute.context",
    "torchkeras.distribute.input_lib",
    "torchkeras.distribute.options",
    "torchkeras.distribute.reduce_op",
    "torchkeras.distribute.strategy",
    "torchkeras.distribute.values",
)


def _namespace(name, doc):
    module = _types.ModuleType(__name__ + "." + name, doc)
    _sys.modules[module.__name__] = module
    _export_value(module, "tf.distribute." + name)
    _fill_namespace(vars(module), "tf.distribute." + name, *_MODULES)
    return module


cluster_resolver = _namespace(
    "cluster_resolver", "``tf.distribute.cluster_resolver``: where the workers are."
)
experimental = _namespace(
    "experimental", "``tf.distribute.experimental``: collective options, value contexts."
)
_fill_namespace(globals(), "tf.distribute", *_MODULES)

"""``tf.data``: input pipelines (``tf.data.Dataset``, ``tf.data.AUTOTUNE``, ``tf.data.Options``)
and ``tf.data.experimental``.

Filled from the export registry (``api_export``); loaded lazily by ``tf.data``.
"""

import sys as _sys
import types as _types

from ..api_export import export_value as _export_value, fill_namespace as _fill_namespace

experimental = _types.ModuleType(
    __name__ + ".experimental",
    "``tf.data.experimental``: cardinality helpers, AUTOTUNE and the option classes.",
)
_sys.modules[experimental.__name__] = experimental
_export_value(_sys.modules[__name__], "tf.data")
_export_value(experimental, "tf.data.experimental")
_fill_namespace(
    vars(experimental),
    "tf.data.experimental",
    "torchkeras.data.dataset_ops",
    "torchkeras.data.experimental_ops",
    "torchkeras.data.options",
    "torchkeras.data.ops.csv_dataset",
    "torchkeras.data.ops.make_csv_dataset",
)
_fill_namespace(
    globals(),
    "tf.data",
    ".dataset_ops",
    ".options",
    ".ops._common",
    ".ops.tf_record_dataset",
    ".ops.text_line_dataset",
)

"""``keras.ops.numpy``: the NumPy-like ops (also at ``keras.ops`` top level).

Filled from the export registry (``api_export``); ``keras.ops`` fills it again
once its ops accept KerasTensors.
"""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "keras.ops.numpy",
    "._numpy_array",
    "._numpy_elementwise",
    "._numpy_extra",
    "._numpy_more",
    "._numpy_reduction",
)

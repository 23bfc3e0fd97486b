"""``tf.quantization``: TF's fake-quantization ops (see ``ops/fake_quant_ops.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.quantization", ".ops.fake_quant_ops")

"""``keras.distribution``: Keras 3's distribution API, data parallel on torch.distributed
(see ``distribution_lib.py``)."""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "keras.distribution", ".distribution_lib")

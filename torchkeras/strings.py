"""``tf.strings``: operations on string tensors (see ``ops/string_*_ops.py`` and
``ops/unicode_ops.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.strings",
    ".ops.string_ops",
    ".ops.string_regex_ops",
    ".ops.string_number_ops",
    ".ops.string_format_ops",
    ".ops.string_hash_ops",
    ".ops.string_split_ops",
    ".ops.unicode_ops",
)

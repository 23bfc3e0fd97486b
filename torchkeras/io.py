"""``tf.io``: files, records and serialized data (``read_file``, ``TFRecordWriter``,
``parse_example`` ...), the image codecs (``decode_png`` ...) and ``tf.io.gfile`` (TF's file
API).

Filled from the export registry (``api_export``).
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

gfile = _types.ModuleType(
    __name__ + ".gfile", "``tf.io.gfile``: TF's file API (``GFile``, ``glob``, ``walk`` ...)."
)
_sys.modules[gfile.__name__] = gfile
_export_value(gfile, "tf.io.gfile")
_fill_namespace(
    globals(),
    "tf.io",
    ".ops.io_ops",
    ".ops.base64_ops",
    ".ops.compressed_ops",
    ".ops.csv_ops",
    ".ops.gfile",
    ".ops.tf_record",
    ".ops.parsing_config",
    ".ops.parsing_ops",
    ".ops.parsing_sequence_ops",
    ".ops.image_codec_ops",
)
_fill_namespace(vars(gfile), "tf.io.gfile")

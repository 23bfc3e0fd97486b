"""``tf.io``: file formats and codecs.

Filled from the export registry (``api_export``): the ops declare their ``tf.io.*`` names
where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_DEFINING = (".ops.image_codec_ops",)

_fill_namespace(globals(), "tf.io", *_DEFINING)

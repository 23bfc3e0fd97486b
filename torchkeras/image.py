"""``tf.image``: image ops (geometry, colour, resizing, random augmentation, boxes, codecs).

Filled from the export registry (``api_export``): the ops declare their ``tf.image.*``
names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_DEFINING = (
    ".ops.image_ops",
    ".ops.image_convert_ops",
    ".ops.image_color_ops",
    ".ops.image_resize_ops",
    ".ops.image_random_ops",
    ".ops.image_codec_ops",
    ".ops.image_quality_ops",
    ".ops.image_filter_ops",
    ".ops.image_nms_ops",
)

_fill_namespace(globals(), "tf.image", *_DEFINING)

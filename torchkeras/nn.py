"""``tf.nn``: activations, losses, convolutions, pooling, dropout and moments (the ops TF lists
under ``tf.nn``).

Filled from the export registry (``api_export``): the ops declare their
``tf.nn.*`` names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.nn",
    ".ops.elementwise_ops",
    ".ops.nn_ops",
    ".ops.conv_ops",
    ".ops.conv_transpose_ops",
    ".ops.depthwise_conv_ops",
    ".ops.pooling_ops",
    ".ops.nn_loss_ops",
    ".ops.moments_ops",
    ".ops.lrn_ops",
    ".ops.ctc_ops",
    ".ops.sampled_loss_ops",
    ".ops.norm_ops",
    ".ops.reduction_ops",
)

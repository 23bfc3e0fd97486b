"""``tf.nn``: activations, losses, dropout and moments (the ops TF lists under ``tf.nn``)."""
from .ops.math_ops import l2_normalize, sigmoid, tanh, top_k  # noqa: F401
from .ops.nn_ops import (  # noqa: F401
    bias_add, dropout, elu, gelu, l2_loss, leaky_relu, log_softmax, moments, relu, relu6, selu,
    sigmoid_cross_entropy_with_logits, silu, softmax, softmax_cross_entropy_with_logits, softplus,
    softsign, sparse_softmax_cross_entropy_with_logits, swish,
)

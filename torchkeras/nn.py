"""``tf.nn``: activations, losses, dropout and moments (the ops TF lists under ``tf.nn``)."""
from .ops.math_ops import l2_normalize, sigmoid, tanh, top_k, zero_fraction  # noqa: F401
from .ops.nn_ops import (  # noqa: F401
    batch_normalization, bias_add, compute_average_loss, crelu, dropout, elu, embedding_lookup,
    gelu, in_top_k, l2_loss, leaky_relu, log_poisson_loss, log_softmax, moments,
    normalize_moments, relu, relu6, selu, sigmoid_cross_entropy_with_logits, silu, softmax,
    softmax_cross_entropy_with_logits, softplus, softsign,
    sparse_softmax_cross_entropy_with_logits, swish, weighted_cross_entropy_with_logits,
)
